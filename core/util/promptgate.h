#pragma once

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

namespace Corral {

// Lets a worker thread ask a person a question and wait for the answer, which arrives from the
// GUI thread through answer(). One question at a time; cancel() wakes the waiter with "no
// answer" and keeps refusing until reset(). Request ids are unique in the process, so one
// answer can be routed to whichever connection asked.
class PromptGate final
{
public:
    static constexpr auto Timeout = std::chrono::minutes(5);

    static quint64 nextId()
    {
        static std::atomic<quint64> next{1};
        return next.fetch_add(1);
    }

    // Call `send` with the id to publish the question, then block until answered, cancelled or
    // timed out. An empty result means the person cancelled (or nobody answered).
    template<typename Send> std::optional<QString> ask(quint64 id, Send &&send)
    {
        std::unique_lock lock(m_mutex);
        if (m_cancelled)
            return std::nullopt;
        m_id = id;
        m_answer.reset();
        lock.unlock();
        send();
        lock.lock();
        const bool answered = m_cond.wait_for(
            lock, Timeout, [this] { return m_answer.has_value() || m_cancelled; });
        m_id = 0;
        if (!answered || m_cancelled || !m_answer)
            return std::nullopt;
        return *std::exchange(m_answer, std::nullopt);
    }

    void answer(quint64 id, std::optional<QString> answer)
    {
        std::lock_guard lock(m_mutex);
        if (id != m_id)
            return;
        m_answer.emplace(std::move(answer));
        m_cond.notify_all();
    }

    void cancel()
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
        m_cond.notify_all();
    }

    void reset()
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = false;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cond;
    quint64 m_id = 0;
    std::optional<std::optional<QString>> m_answer;
    bool m_cancelled = false;
};

} // namespace Corral

#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace Corral::Rfb {

// What went wrong in a step of the RFB client; the message is for people.
struct Failure
{
    Failure(QString message, QString detail = {})
        : message(std::move(message)), detail(std::move(detail))
    { }
    QString message;
    QString detail;
};

// A value or a Failure: core/rfb's small stand-in for Result (std::expected), because the
// libFuzzer build compiles these files with clang 14, whose concepts support is too old for
// libstdc++'s <expected>.
template<typename T> class Outcome
{
public:
    Outcome(T value)
        : m_value(std::move(value))
    { }
    Outcome(Failure failure)
        : m_failure(std::move(failure))
    { }
    explicit operator bool() const { return m_value.has_value(); }
    const T &value() const { return *m_value; }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const Failure &error() const { return m_failure; }

private:
    std::optional<T> m_value;
    Failure m_failure{QString()};
};

template<> class Outcome<void>
{
public:
    Outcome() = default;
    Outcome(Failure failure)
        : m_ok(false), m_failure(std::move(failure))
    { }
    explicit operator bool() const { return m_ok; }
    const Failure &error() const { return m_failure; }

private:
    bool m_ok = true;
    Failure m_failure{QString()};
};

} // namespace Corral::Rfb

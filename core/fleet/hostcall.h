#pragma once

#include "fleet.h"

#include "util/mailbox.h"

#include <functional>
#include <memory>

namespace Corral {

// Runs `work(connection)` on the host session's thread, then `then(result)` on `context`'s
// thread unless it is gone by then. For the Fleet's helpers (image library, deployer, VM
// lifecycle), which must never run libvirt calls on their own thread.
template<typename Work, typename Then>
void onHost(Fleet *fleet, QObject *context, qint64 hostId, Work work, Then then)
{
    auto reply = Mailbox::replyTo(context);
    fleet->runOnHost(hostId,
                     [reply, work = std::move(work), then = std::move(then)](virConnectPtr conn) {
                         auto result = work(conn);
                         reply->post([then, result = std::move(result)] { then(result); });
                     });
}

// A callback to call once per answer expected: `then` runs with the last of `count` calls.
inline std::function<void()> afterAll(int count, std::function<void()> then)
{
    auto left = std::make_shared<int>(count);
    return [left, then = std::move(then)] {
        if (--*left == 0)
            then();
    };
}

} // namespace Corral

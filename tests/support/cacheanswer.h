// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QTest>

// What the index cache answers, waited for on the test's event loop (the cache works on a
// thread of its own). A future that does not finish in time fails the wait loudly.
template<typename T>
T cacheAnswer(QFuture<T> future, int timeoutMs = 10000)
{
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, timeoutMs))
        qFatal("the index cache did not answer within %d ms", timeoutMs);
    if constexpr (!std::is_void_v<T>)
        return future.result();
}

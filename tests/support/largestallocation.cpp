// SPDX-License-Identifier: GPL-3.0-or-later
#include "largestallocation.h"

#include <atomic>
#include <cstdlib>

namespace {

std::atomic<bool> g_armed{false};
std::atomic<std::size_t> g_largest{0};
// Static TLS in the executable: reading it allocates nothing, so it is safe inside malloc.
thread_local bool t_watched = false;

void noteAllocation(std::size_t bytes)
{
    if (!t_watched || !g_armed.load(std::memory_order_relaxed))
        return;
    std::size_t largest = g_largest.load(std::memory_order_relaxed);
    while (bytes > largest && !g_largest.compare_exchange_weak(largest, bytes, std::memory_order_relaxed)) {
    }
}

} // namespace

#if defined(__SANITIZE_ADDRESS__)

extern "C" int __sanitizer_install_malloc_and_free_hooks(void (*)(const volatile void *, std::size_t),
                                                         void (*)(const volatile void *));

namespace {
void mallocHook(const volatile void *, std::size_t bytes) { noteAllocation(bytes); }
void freeHook(const volatile void *) {}
void installHooks()
{
    [[maybe_unused]] static const int installed = __sanitizer_install_malloc_and_free_hooks(mallocHook, freeHook);
}
} // namespace

#else

// glibc's own entry points, exported for exactly this: an allocator wrapped by the program.
extern "C" void *__libc_malloc(std::size_t) noexcept;
extern "C" void *__libc_calloc(std::size_t, std::size_t) noexcept;
extern "C" void *__libc_realloc(void *, std::size_t) noexcept;

extern "C" void *malloc(std::size_t bytes) noexcept
{
    noteAllocation(bytes);
    return __libc_malloc(bytes);
}

extern "C" void *calloc(std::size_t count, std::size_t size) noexcept
{
    noteAllocation(count * size);
    return __libc_calloc(count, size);
}

extern "C" void *realloc(void *block, std::size_t bytes) noexcept
{
    noteAllocation(bytes);
    return __libc_realloc(block, bytes);
}

namespace {
void installHooks() {}
} // namespace

#endif

LargestAllocation::LargestAllocation()
{
    installHooks();
    g_largest.store(0);
    t_watched = true;
    g_armed.store(true);
}

LargestAllocation::~LargestAllocation()
{
    g_armed.store(false);
    t_watched = false;
}

std::size_t LargestAllocation::bytes() const
{
    return g_largest.load();
}

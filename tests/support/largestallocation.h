// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

// The largest block of memory the constructing thread asked the allocator for while this
// object lived. Says deterministically that a thread never held a copy of a big buffer, where
// timing the thread would measure the machine's load as much as the code.
//
// It replaces malloc, calloc and realloc for the whole test binary (under AddressSanitizer it
// uses the sanitizer's allocation hook instead), so only a test that needs it links it in:
// `cratedesk_add_test(NAME SOURCES tst_NAME.cpp ../support/largestallocation.cpp)`.
// One at a time.
class LargestAllocation
{
public:
    LargestAllocation();
    ~LargestAllocation();
    LargestAllocation(const LargestAllocation &) = delete;
    LargestAllocation &operator=(const LargestAllocation &) = delete;

    std::size_t bytes() const;
};

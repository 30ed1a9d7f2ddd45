// SPDX-License-Identifier: GPL-3.0-or-later
#include "Scheduling.h"

#ifdef __linux__
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdint>
#endif

namespace md {

#ifdef __linux__
namespace {

// The kernel's struct sched_attr (include/uapi/linux/sched/types.h, first version); glibc before
// 2.41 has no wrapper for the calls.
struct SchedAttr {
    std::uint32_t size = sizeof(SchedAttr);
    std::uint32_t policy = 0;
    std::uint64_t flags = 0;
    std::int32_t nice = 0;
    std::uint32_t priority = 0;
    std::uint64_t runtime = 0; ///< for SCHED_OTHER: the time slice (ns), Linux 6.12 and later
    std::uint64_t deadline = 0;
    std::uint64_t period = 0;
};
static_assert(sizeof(SchedAttr) == 48, "SCHED_ATTR_SIZE_VER0");
constexpr std::uint64_t kResetOnFork = 0x01; // SCHED_FLAG_RESET_ON_FORK

bool getAttr(SchedAttr &attr)
{
    return syscall(SYS_sched_getattr, 0, &attr, unsigned(sizeof attr), 0U) == 0;
}

} // namespace

bool askForShortTimeSlice(std::chrono::microseconds slice)
{
    SchedAttr attr;
    if (!getAttr(attr) || attr.policy != SCHED_OTHER)
        return false; // real-time, batch or idle threads are left as they are
    // The same policy and nice value, only the slice.
    attr.size = sizeof attr;
    // Threads it starts get the usual slice again, not this one (nor a negative nice value).
    attr.flags = kResetOnFork;
    attr.runtime = std::uint64_t(std::chrono::nanoseconds(slice).count());
    if (syscall(SYS_sched_setattr, 0, &attr, 0U) != 0)
        return false;
    return currentTimeSlice() == slice;
}

std::chrono::microseconds currentTimeSlice()
{
    SchedAttr attr;
    if (!getAttr(attr) || attr.policy != SCHED_OTHER)
        return {};
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::nanoseconds(attr.runtime));
}
#else
bool askForShortTimeSlice(std::chrono::microseconds)
{
    return false;
}

std::chrono::microseconds currentTimeSlice()
{
    return {};
}
#endif

} // namespace md

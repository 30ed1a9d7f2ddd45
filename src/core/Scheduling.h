// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

namespace md {

/// Asks the kernel to give the calling thread time slices of `slice` (Linux 6.12 and later, whose
/// EEVDF scheduler lets a thread with a shorter slice preempt a busy one when it wakes; the
/// kernel clamps it to 0.1–100 ms). Its share of the CPU and its nice value stay as they are.
/// For the GUI thread: woken by an event while both cores run other work (a sync's threads, a
/// local tracking server, a training job), it runs within about a slice instead of waiting for
/// the next scheduler tick (4 ms at 250 Hz). Returns true when the kernel reports that slice;
/// false elsewhere (older kernels, other systems), where nothing changes.
bool askForShortTimeSlice(std::chrono::microseconds slice);

/// The slice modeldesk's GUI thread asks for.
inline constexpr std::chrono::microseconds kGuiTimeSlice { 500 };

/// The calling thread's time slice as the kernel reports it (Linux 6.12 and later); zero when it
/// reports none.
std::chrono::microseconds currentTimeSlice();

} // namespace md

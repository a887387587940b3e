// jobhost host — SchedulerSubsystem.h
// The scheduler as a daemon subsystem.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "runtime/Scheduler.h"
#include "runtime/Subsystem.h"

namespace jobhost::host {

/// Owns a Scheduler: start() recovers abandoned runs and starts the loop;
/// stop() cancels running jobs and waits for their checkpoints.
class SchedulerSubsystem : public Subsystem {
public:
    SchedulerSubsystem(RuntimeServices& services, Scheduler::Options options) : _scheduler(services, std::move(options)) {}

    std::string name() const override { return "scheduler"; }
    void start() override { _scheduler.start(); }
    void stop() override { _scheduler.stop(); }
    Scheduler& scheduler() { return _scheduler; }

private:
    Scheduler _scheduler;
};

} // namespace jobhost::host

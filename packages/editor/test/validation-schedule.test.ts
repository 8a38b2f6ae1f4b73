import { afterEach, describe, expect, it, vi } from "vitest";
import { ValidationSchedule } from "../src/monaco/validation-schedule.js";

/** A validation run that the test settles by hand, recording how many runs overlapped. */
function controlledRuns() {
  const pending: (() => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let started = 0;
  const run = (): Promise<void> => {
    started++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<void>((resolve) => {
      pending.push(() => {
        inFlight--;
        resolve();
      });
    });
  };
  return {
    run,
    started: () => started,
    maxInFlight: () => maxInFlight,
    /** Settles the oldest run and lets the schedule react. */
    async finishOne(): Promise<void> {
      pending.shift()?.();
      await flush();
    },
  };
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the validation schedule", () => {
  it("validates at the end of the task, once for edits made in the same task", async () => {
    const runs = controlledRuns();
    const schedule = new ValidationSchedule(runs.run);
    schedule.request();
    schedule.request();
    expect(runs.started()).toBe(0);
    await flush();
    expect(runs.started()).toBe(1);
    expect(schedule.busy).toBe(true);
  });

  it("keeps one validation in flight and validates the newest text once when it settles", async () => {
    const runs = controlledRuns();
    const schedule = new ValidationSchedule(runs.run);
    schedule.request();
    await flush();
    for (let i = 0; i < 10; i++) schedule.request();
    await flush();
    expect(runs.started()).toBe(1);
    await runs.finishOne();
    expect(runs.started()).toBe(2);
    await runs.finishOne();
    expect(runs.started()).toBe(2);
    expect(schedule.busy).toBe(false);
    expect(runs.maxInFlight()).toBe(1);
  });

  it("carries on after a failed validation", async () => {
    let calls = 0;
    const schedule = new ValidationSchedule(() => {
      calls++;
      return Promise.reject(new Error("worker gone"));
    });
    schedule.request();
    await flush();
    schedule.request();
    await flush();
    expect(calls).toBe(2);
  });

  it("debounces when given a delay, restarting the wait on each edit", async () => {
    vi.useFakeTimers();
    const runs = controlledRuns();
    const schedule = new ValidationSchedule(runs.run, 100);
    schedule.request();
    vi.advanceTimersByTime(60);
    schedule.request();
    vi.advanceTimersByTime(60);
    expect(runs.started()).toBe(0);
    vi.advanceTimersByTime(40);
    expect(runs.started()).toBe(1);
  });

  it("starts nothing after dispose, not even the run a request before it asked for", async () => {
    const runs = controlledRuns();
    const schedule = new ValidationSchedule(runs.run);
    schedule.request();
    schedule.dispose();
    await flush();
    schedule.request();
    await flush();
    expect(runs.started()).toBe(0);
  });
});

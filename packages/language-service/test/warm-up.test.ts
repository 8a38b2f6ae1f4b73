import { describe, expect, it } from "vitest";
import { warmUpInIdleTime } from "../src/warm-up.js";

describe("warming up the front end", () => {
  it("runs the asked number of rounds, each in its own scheduled task, and then stops", () => {
    const tasks: (() => void)[] = [];
    warmUpInIdleTime(5, (callback) => tasks.push(callback));
    let ran = 0;
    while (tasks.length > 0) {
      expect(tasks).toHaveLength(1);
      (tasks.shift() as () => void)();
      ran++;
    }
    expect(ran).toBe(5);
  });
});

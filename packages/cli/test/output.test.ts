import { afterEach, describe, expect, it } from "vitest";
import { processOutput } from "../src/output.js";

const original = { out: process.stdout.isTTY, err: process.stderr.isTTY };

function setTty(out: boolean, err: boolean): void {
  Object.defineProperty(process.stdout, "isTTY", { value: out, configurable: true });
  Object.defineProperty(process.stderr, "isTTY", { value: err, configurable: true });
}

afterEach(() => setTty(original.out, original.err));

describe("processOutput", () => {
  it("colours only on a terminal", () => {
    setTty(true, true);
    const tty = processOutput({});
    expect(tty.useColor).toBe(true);
    expect(tty.color.red("x")).toContain("\u001b[");
    setTty(false, false);
    const piped = processOutput({});
    expect(piped.useColor).toBe(false);
    expect(piped.color.red("x")).toBe("x");
  });

  it("never colours when NO_COLOR is set, even on a terminal", () => {
    setTty(true, true);
    const output = processOutput({ NO_COLOR: "1" });
    expect(output.useColor).toBe(false);
    expect(output.color.bold("x")).toBe("x");
    // An empty NO_COLOR does not count (no-color.org).
    expect(processOutput({ NO_COLOR: "" }).useColor).toBe(true);
  });

  it("shows progress only on a terminal and not under CI", () => {
    setTty(false, true);
    expect(processOutput({}).showProgress).toBe(true);
    expect(processOutput({ CI: "true" }).showProgress).toBe(false);
    setTty(true, false);
    expect(processOutput({}).showProgress).toBe(false);
  });
});

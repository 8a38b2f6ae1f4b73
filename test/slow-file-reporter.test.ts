import { describe, expect, it } from "vitest";
import type { TestCase, TestModule } from "vitest/node";
import SlowFileReporter from "./slow-file-reporter.js";

const module = (moduleId: string) => ({ moduleId }) as TestModule;
const testCase = (moduleId: string, fullName: string) => ({ module: module(moduleId), fullName }) as TestCase;

describe("the reporter that names stuck test files", () => {
  it("names a file once per notice it has run past, with the test it last started, and forgets it when it ends", () => {
    const lines: string[] = [];
    const reporter = new SlowFileReporter({ noticeSeconds: 60 }, (line) => lines.push(line));
    const start = Date.now();
    reporter.onTestModuleStart(module("/a.test.ts"));
    reporter.onTestModuleStart(module("/b.test.ts"));
    reporter.onTestCaseReady(testCase("/a.test.ts", "suite > hangs"));
    reporter.report(start + 30_000);
    expect(lines).toEqual([]);
    reporter.onTestModuleEnd(module("/b.test.ts"));
    reporter.report(start + 61_000);
    reporter.report(start + 62_000);
    expect(lines).toEqual(["[still running] /a.test.ts for 61 s, last test started: suite > hangs"]);
    reporter.report(start + 121_000);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("for 121 s");
    reporter.onTestModuleEnd(module("/a.test.ts"));
    reporter.report(start + 600_000);
    expect(lines).toHaveLength(2);
  });
});

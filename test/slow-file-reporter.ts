import type { Reporter, TestCase, TestModule } from "vitest/node";

/*
 * Names every test file that has been running for longer than `notice`, and
 * again each `notice` after, with the test it last started. The default
 * reporter prints a file only when it ends, so a file stuck in synchronous
 * code (which no test timeout can interrupt) otherwise leaves a log that
 * stops without saying where. The longest file takes under half a minute on
 * a 2-core machine, so the default notice only ever speaks of a stuck file.
 */
export default class SlowFileReporter implements Reporter {
  private readonly running = new Map<string, { started: number; test?: string; reported: number }>();
  private timer: NodeJS.Timeout | undefined;

  private readonly notice: number;

  constructor(
    options: { readonly noticeSeconds?: number } = {},
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {
    this.notice = (options.noticeSeconds ?? 300) * 1000;
  }

  onTestRunStart(): void {
    this.timer = setInterval(() => this.report(Date.now()), Math.min(this.notice, 30_000));
    this.timer.unref();
  }

  onTestModuleStart(module: TestModule): void {
    this.running.set(module.moduleId, { started: Date.now(), reported: 0 });
  }

  onTestCaseReady(test: TestCase): void {
    const entry = this.running.get(test.module.moduleId);
    if (entry !== undefined) entry.test = test.fullName;
  }

  onTestModuleEnd(module: TestModule): void {
    this.running.delete(module.moduleId);
  }

  onTestRunEnd(): void {
    clearInterval(this.timer);
    this.running.clear();
  }

  /** Says which files have run past a whole number of notices since the last report. */
  report(now: number): void {
    for (const [file, entry] of this.running) {
      const periods = Math.floor((now - entry.started) / this.notice);
      if (periods <= entry.reported) continue;
      entry.reported = periods;
      const seconds = Math.round((now - entry.started) / 1000);
      this.write(`[still running] ${file} for ${seconds} s${entry.test === undefined ? "" : `, last test started: ${entry.test}`}`);
    }
  }
}

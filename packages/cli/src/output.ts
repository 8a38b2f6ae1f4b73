import pc from "picocolors";

/** picocolors' colour functions. */
export type Colors = ReturnType<typeof pc.createColors>;

/** Where a command writes, and whether it may colour its text. */
export interface Output {
  /** Results: diagnostics, reports, scored rows when `--out -`. */
  readonly out: NodeJS.WritableStream;
  /** Progress, summaries, messages about the run. */
  readonly err: NodeJS.WritableStream;
  /** Colours for `out`; plain functions when colour is off. */
  readonly color: Colors;
  /** Whether `out` gets colour (printDiagnostic takes this). */
  readonly useColor: boolean;
  /** Whether a progress bar may be drawn on `err`. */
  readonly showProgress: boolean;
  /** Writes a line to `out`. */
  line(text?: string): void;
  /** Writes a line to `err`. */
  note(text: string): void;
}

/**
 * The process's output streams. Colour only on a terminal and never when
 * NO_COLOR is set (no-color.org: any non-empty value); a progress bar only on
 * a terminal and not under CI, where it would fill logs with redraws.
 */
export function processOutput(env: NodeJS.ProcessEnv = process.env): Output {
  const noColor = env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "";
  const useColor = process.stdout.isTTY === true && !noColor;
  const ci = env["CI"] !== undefined && env["CI"] !== "" && env["CI"] !== "false";
  const showProgress = process.stderr.isTTY === true && !ci;
  return {
    out: process.stdout,
    err: process.stderr,
    color: pc.createColors(useColor),
    useColor,
    showProgress,
    line: (text = "") => void process.stdout.write(`${text}\n`),
    note: (text) => void process.stderr.write(`${text}\n`),
  };
}

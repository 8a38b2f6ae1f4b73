/** The exit codes of every command: 0 ok, 1 findings or failures, 2 usage or I/O errors. */
export const ExitCode = {
  ok: 0,
  findings: 1,
  usage: 2,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A problem with how the command was called or with the files it was given
 * (missing path, unreadable file, bad option value). The message is printed as
 * is, prefixed with `qualify:`, and the command exits with 2.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * The command found problems and has already printed them (a model with
 * errors, an invalid lead); it exits with 1 and prints nothing more.
 */
export class ReportedFailure extends Error {
  constructor(message = "problems were reported") {
    super(message);
    this.name = "ReportedFailure";
  }
}

import { randomBytes } from "node:crypto";
import { createWriteStream, openSync, unlinkSync } from "node:fs";
import { rename, unlink } from "node:fs/promises";
import type { WriteStream } from "node:fs";
import { basename, dirname, join } from "node:path";
import { describeIoError } from "qualify/node";
import { UsageError } from "./exit-codes.js";

/**
 * An output file written safely: everything goes to a temporary file in the
 * same directory (so the final rename stays on one file system and is
 * atomic), which replaces the target only on {@link AtomicFile.commit}.
 * A failed or interrupted run leaves no file that looks complete.
 */
export interface AtomicFile {
  /** The file that will exist after commit. */
  readonly path: string;
  readonly stream: WriteStream;
  /** Closes the stream and renames the temporary file over the target. */
  commit(): Promise<void>;
  /** Discards the temporary file (safe to call more than once, and after commit it does nothing). */
  abort(): Promise<void>;
}

/** Temporary files not yet committed or discarded, removed on SIGINT/SIGTERM. */
const pending = new Set<string>();
/** What to stop before those files are removed (a DuckDB query still writing one, say). */
const stoppers = new Set<() => void>();
let handlersInstalled = false;

/**
 * Opens a temporary file beside `path` for writing.
 * @throws UsageError naming the file when the directory is missing or not writable.
 */
export async function createAtomicFile(path: string): Promise<AtomicFile> {
  installInterruptCleanup();
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let fd: number;
  try {
    // Opened here, not lazily by the stream, so a missing directory is reported before any work starts.
    fd = openSync(temp, "wx");
  } catch (error) {
    throw new UsageError(`${path}: cannot write the file (${describeIoError(error)})`);
  }
  pending.add(temp);
  const stream = createWriteStream(temp, { fd, highWaterMark: 256 * 1024 });
  let settled = false;
  const closed = (): Promise<void> =>
    new Promise((resolve) => {
      if (stream.closed) resolve();
      else stream.once("close", () => resolve());
    });
  return {
    path,
    stream,
    async commit() {
      if (settled) return;
      settled = true;
      if (!stream.writableEnded) stream.end();
      await closed();
      try {
        await rename(temp, path);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw new UsageError(`${path}: cannot write the file (${describeIoError(error)})`);
      } finally {
        pending.delete(temp);
      }
    },
    async abort() {
      if (settled) return;
      settled = true;
      stream.destroy();
      await closed();
      await unlink(temp).catch(() => undefined);
      pending.delete(temp);
    },
  };
}

/**
 * Removes `path` if the process is interrupted (SIGINT, SIGTERM) before the
 * returned function is called: for a file written by something other than
 * {@link createAtomicFile}'s stream, such as DuckDB's COPY.
 */
export function removeOnInterrupt(path: string): () => void {
  installInterruptCleanup();
  pending.add(path);
  return () => {
    pending.delete(path);
  };
}

/**
 * Calls `stop` first when the process is interrupted, until the returned
 * function is called: a DuckDB query left running holds the exit until it
 * ends (seconds on a large file), so it is interrupted before the exit.
 */
export function stopOnInterrupt(stop: () => void): () => void {
  installInterruptCleanup();
  stoppers.add(stop);
  return () => {
    stoppers.delete(stop);
  };
}

/** Writes a whole text atomically (for `compile -o`, `fmt`). */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const file = await createAtomicFile(path);
  try {
    await new Promise<void>((resolve, reject) => {
      file.stream.once("error", reject);
      file.stream.end(text, () => resolve());
    });
    await file.commit();
  } catch (error) {
    await file.abort();
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path}: cannot write the file (${describeIoError(error)})`);
  }
}

// On Ctrl-C the event loop may never reach the code that aborts; remove every
// pending temporary file synchronously, then exit the conventional 128+signal.
function installInterruptCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const cleanUp = (signal: NodeJS.Signals, code: number) => () => {
    for (const stop of stoppers) {
      try {
        stop();
      } catch {
        // Already stopped: the exit goes on.
      }
    }
    for (const temp of pending) {
      try {
        unlinkSync(temp);
      } catch {
        // Already gone: nothing to clean.
      }
    }
    pending.clear();
    process.stderr.write(`\nqualify: interrupted (${signal}); no output file was written\n`);
    process.exit(code);
  };
  process.once("SIGINT", cleanUp("SIGINT", 130));
  process.once("SIGTERM", cleanUp("SIGTERM", 143));
}

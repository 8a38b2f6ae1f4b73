import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { describeIoError } from "qualify/node";
import { UsageError } from "./exit-codes.js";

/** Folders never searched: dependencies, build output and version control. */
const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git", "dist", ".pnpm-store"]);

/**
 * Expands the paths given on the command line into files: a file is taken as
 * given (when `accept` takes it, or always when named explicitly and
 * `explicitAlways`), a directory is searched recursively for files `accept`
 * takes. Results are sorted per argument for stable output.
 * @throws UsageError when a path does not exist or cannot be read, or when nothing is found.
 */
export async function findFiles(
  paths: readonly string[],
  accept: (path: string) => boolean,
  what: { readonly one: string; readonly many: string },
): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw new UsageError(`${path}: ${describeIoError(error)}`);
    }
    if (info.isDirectory()) {
      const inside: string[] = [];
      await walk(path, accept, inside);
      found.push(...inside.sort());
    } else if (accept(path)) {
      found.push(path);
    } else {
      throw new UsageError(`${path}: not ${what.one}`);
    }
  }
  if (found.length === 0) throw new UsageError(`no ${what.many} found in ${paths.join(", ")}`);
  return [...new Set(found)];
}

async function walk(directory: string, accept: (path: string) => boolean, into: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`${directory}: cannot read the directory (${describeIoError(error)})`);
  }
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(path, accept, into);
    } else if (entry.isFile() && accept(path)) {
      into.push(path);
    }
  }
}

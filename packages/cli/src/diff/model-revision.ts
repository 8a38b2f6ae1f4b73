import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { modelFormatFor } from "qualify/node";
import { UsageError } from "../exit-codes.js";
import { loadModelForCommand, loadModelTextForCommand } from "../load-model.js";
import type { LoadedModel } from "../load-model.js";
import type { Output } from "../output.js";

/** A model named on the command line: a file, or one file as of a git revision. */
export type ModelSpec = { readonly kind: "file"; readonly path: string } | { readonly kind: "revision"; readonly path: string; readonly revision: string };

/**
 * Reads `models/inbound.qual` (a file) or `models/inbound.qual@HEAD~1` (that
 * file as of a revision). A name that exists as a file is always a file, so a
 * file whose name holds `@` still works. Otherwise the split is at the first
 * `@` whose left side names a model file, so revisions such as `HEAD@{1}` or
 * `origin/main` keep their own characters.
 */
export function parseModelSpec(text: string): ModelSpec {
  if (existsSync(text)) return { kind: "file", path: text };
  for (let at = text.indexOf("@"); at > 0; at = text.indexOf("@", at + 1)) {
    const path = text.slice(0, at);
    const revision = text.slice(at + 1);
    if (revision !== "" && modelFormatFor(path) !== undefined) return { kind: "revision", path, revision };
  }
  return { kind: "file", path: text };
}

/** How messages and reports name a spec. */
export function specName(spec: ModelSpec): string {
  return spec.kind === "file" ? spec.path : `${spec.path}@${spec.revision}`;
}

/**
 * The text of `path` as of `revision`: `git show REVISION:PATH`, with the
 * path taken relative to the root of the repository that holds it (so it
 * works from any working directory).
 * @throws UsageError outside a git repository, for an unknown revision, or a file the revision does not have.
 */
export function readRevision(path: string, revision: string): string {
  const absolute = resolve(path);
  // The file may be gone from the working tree; its nearest existing folder still says which repository it is in.
  let folder = dirname(absolute);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  const root = git(["rev-parse", "--show-toplevel"], folder, () => `${path}@${revision}: ${folder} is not inside a git repository (a model named FILE@REVISION is read from git; give a file path instead)`).trim();
  // --show-prefix is the folder's path inside the repository, which sidesteps symbolic links in either path.
  const prefix = git(["rev-parse", "--show-prefix"], folder, () => `${path}@${revision}: cannot place ${folder} in the repository at ${root}`).trim();
  const file = `${prefix}${relative(folder, absolute).split(sep).join("/")}`;
  git(["rev-parse", "--verify", "--quiet", `${revision}^{commit}`], root, () => `${path}@${revision}: ${JSON.stringify(revision)} is not a revision of the repository at ${root} (try HEAD~1, a branch, a tag or a commit)`);
  return git(["show", `${revision}:${file}`], root, () => `${path}@${revision}: the revision ${revision} has no file ${file}`);
}

/** Loads and checks a model named by a spec; diagnostics go to stderr as for any model. */
export async function loadModelSpec(spec: ModelSpec, output: Output): Promise<LoadedModel> {
  if (spec.kind === "file") return loadModelForCommand(spec.path, output);
  return loadModelTextForCommand(readRevision(spec.path, spec.revision), specName(spec), spec.path, output);
}

function git(args: readonly string[], cwd: string, failure: () => string): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") throw new UsageError("a model named FILE@REVISION is read with git, and git is not installed (or not on PATH)");
    throw new UsageError(failure());
  }
}

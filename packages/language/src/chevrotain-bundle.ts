import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type * as Chevrotain from "chevrotain";

/*
 * Chevrotain as Node loads it for the language package (`#chevrotain` in
 * package.json; browsers and bundlers get the package itself). The package's
 * entry is its compiled sources, which import lodash-es: about 640 modules,
 * and 430 ms of every `qualify` command's start on a 2-core machine, against
 * 26 ms for the same release bundled into one file, which the package ships
 * as lib/chevrotain.mjs but does not name in its "exports". So the bundle is
 * found beside the entry wherever the package is installed, and the entry
 * itself is the fallback should a release move it.
 */

const entry = pathToFileURL(createRequire(import.meta.url).resolve("chevrotain"));
const bundleUrl = new URL("../chevrotain.mjs", entry).href;

async function load(): Promise<{ readonly api: typeof Chevrotain; readonly from: string }> {
  try {
    return { api: (await import(bundleUrl)) as typeof Chevrotain, from: bundleUrl };
  } catch {
    return { api: await import("chevrotain"), from: entry.href };
  }
}

const loaded = await load();

/** Where chevrotain was loaded from (its bundle, unless a release moved it), for the test that keeps start-up fast. */
export const chevrotainSource: string = loaded.from;

export const { CstParser, Lexer, createToken, tokenMatcher, createSyntaxDiagramsCode } = loaded.api;

#!/usr/bin/env node
// Builds the VS Code extension: bundles the extension and the Qual language
// server with esbuild into out/, then packages the .vsix with vsce (never
// publishes). Run from anywhere after scripts/setup.sh:
//   node packages/vscode/scripts/build.mjs [--out PATH.vsix]
// The sources are read as TypeScript (the workspace's "source" export
// condition), so no `tsc -b` is needed first.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = fileURLToPath(new URL("..", import.meta.url));
const say = (line) => process.stderr.write(`vscode: ${line}\n`);

/**
 * The language server's entry (packages/language-server), which exports
 * `startServer`; QUALIFY_SERVER_ENTRY names another (a test uses it to check
 * the message when the entry is missing).
 */
const SERVER_ENTRY = resolve(process.env.QUALIFY_SERVER_ENTRY ?? join(here, "../language-server/src/server.ts"));

function fail(message) {
  process.stderr.write(`vscode: ${message}\n`);
  process.exit(1);
}

function parseArguments(argv) {
  const manifest = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
  let out = join(here, `${manifest.name}-${manifest.version}.vsix`);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out" && argv[i + 1] !== undefined) out = resolve(argv[++i]);
    else if (argv[i] === "--help" || argv[i] === "-h") {
      process.stdout.write("Usage: node packages/vscode/scripts/build.mjs [--out PATH.vsix]\n\n" +
        "Bundles the extension and the Qual language server with esbuild and packages a .vsix.\n\n" +
        "Example:\n  node packages/vscode/scripts/build.mjs && code --install-extension packages/vscode/qualify-vscode-0.1.0.vsix\n");
      process.exit(0);
    } else fail(`unknown argument ${argv[i]}; usage: node packages/vscode/scripts/build.mjs [--out PATH.vsix]`);
  }
  return { out };
}

const { out } = parseArguments(process.argv.slice(2));
if (!existsSync(SERVER_ENTRY)) {
  fail(`the language server's entry ${relative(process.cwd(), SERVER_ENTRY)} is missing, so there is no server to bundle. ` +
    "It comes with packages/language-server (startServer in src/server.ts); check out a branch that has it, then run this again.");
}

/**
 * `#chevrotain` (the language package's import) as the chevrotain package: under
 * Node the language package loads chevrotain's single-file build with a
 * top-level await (src/chevrotain-bundle.ts), which CommonJS cannot hold, and a
 * bundle inlines the package anyway.
 */
const chevrotainAsPackage = {
  name: "chevrotain-as-package",
  setup(build) {
    build.onResolve({ filter: /^#chevrotain$/ }, () => build.resolve("chevrotain", { kind: "import-statement", resolveDir: join(here, "../language") }));
  },
};

const outDir = join(here, "out");
rmSync(outDir, { recursive: true, force: true });
const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  // The Node of VS Code 1.91's extension host.
  target: "node20",
  // Workspace packages export their TypeScript source under "source": bundle that, not a stale dist/.
  conditions: ["source"],
  plugins: [chevrotainAsPackage],
  sourcemap: false,
  logLevel: "warning",
  // Some modules compute paths from import.meta.url, which CommonJS lacks: give it the bundle's own URL.
  define: { "import.meta.url": "__qualBundleUrl" },
  banner: { js: 'const __qualBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
};
say("bundling the extension (src/extension.ts -> out/extension.cjs)");
await esbuild.build({ ...common, entryPoints: [join(here, "src/extension.ts")], outfile: join(outDir, "extension.cjs"), external: ["vscode"] });
say(`bundling the language server (${relative(here, SERVER_ENTRY)} -> out/server.cjs)`);
await esbuild.build({
  ...common,
  stdin: {
    contents: `import { startServer } from ${JSON.stringify(SERVER_ENTRY)};\nstartServer();\n`,
    resolveDir: dirname(SERVER_ENTRY),
    sourcefile: "qualify-language-server.ts",
    loader: "ts",
  },
  outfile: join(outDir, "server.cjs"),
});

say(`packaging ${relative(process.cwd(), out)} with vsce (no publishing)`);
mkdirSync(dirname(out), { recursive: true });
rmSync(out, { force: true });
const vsce = createRequire(import.meta.url).resolve("@vscode/vsce/vsce");
execFileSync(
  process.execPath,
  [vsce, "package", "--no-dependencies", "--allow-missing-repository", "--skip-license", "--out", out],
  { cwd: here, stdio: ["ignore", "inherit", "inherit"] },
);
say(`wrote ${out} (${Math.round(statSync(out).size / 1024)} KiB)`);
say(`next: code --install-extension ${relative(process.cwd(), out)}`);

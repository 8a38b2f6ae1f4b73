#!/usr/bin/env node
// The `qualify` command. The TypeScript sources build to ../dist (`tsc -b`).
// Imported dynamically so that even a failure to load (a missing build)
// exits 2 with a message, never 1, which means "findings".
const crash = (error) => {
  process.stderr.write(`qualify: internal error: ${error && error.stack ? error.stack : String(error)}\n`);
  process.exitCode = 2;
};

// A reader that stops early (`qualify compile model.qual | head -1`) closes the
// pipe; like other Unix tools, stop quietly instead of dying on EPIPE. Other
// stream errors are internal errors.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error && error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    crash(error);
    process.exit(2);
  });
}

import("../dist/main.js").then(
  ({ main }) =>
    main(process.argv).then((code) => {
      process.exitCode = code;
    }, crash),
  crash,
);

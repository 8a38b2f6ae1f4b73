#!/usr/bin/env node
// The `qualify` command. The TypeScript sources build to ../dist (`tsc -b`).
// Imported dynamically so that even a failure to load (a missing build)
// exits 2 with a message, never 1, which means "findings".
const crash = (error) => {
  process.stderr.write(`qualify: internal error: ${error && error.stack ? error.stack : String(error)}\n`);
  process.exitCode = 2;
};

import("../dist/main.js").then(
  ({ main }) =>
    main(process.argv).then((code) => {
      process.exitCode = code;
    }, crash),
  crash,
);

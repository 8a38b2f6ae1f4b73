#!/usr/bin/env node
// The `qualify` command. The TypeScript sources build to ../dist (`tsc -b`).
import { main } from "../dist/main.js";

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`qualify: internal error: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);

import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify";

/**
 * The pass-through pipeline `qualify score` is compared with: the same CSV
 * libraries, parsing rows into objects by header and writing them back, with
 * no scoring. Its rate is the ceiling of any CSV scorer built on them.
 * Usage: node dist/batch/passthrough.js IN.csv OUT.csv
 */
const [input, output] = process.argv.slice(2);
if (input === undefined || output === undefined) {
  console.error("usage: node dist/batch/passthrough.js IN.csv OUT.csv");
  process.exit(2);
}
await pipeline(createReadStream(input), parse({ columns: true }), stringify({ header: true }), createWriteStream(output));

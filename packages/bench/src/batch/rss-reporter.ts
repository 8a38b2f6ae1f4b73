import { writeFileSync } from "node:fs";

/**
 * Preloaded into a child process with `node --import` to report its peak
 * memory: on exit it writes `{ "maxRssKb": ... }` (the RSS high-water mark of
 * the whole process, worker threads included) to the file named by
 * QUALIFY_BENCH_RSS_FILE. Reading it from inside avoids racing the process's
 * exit from outside.
 */
const target = process.env["QUALIFY_BENCH_RSS_FILE"];
if (target) {
  process.on("exit", () => {
    writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
  });
}

import { writeFileSync } from "node:fs";

/**
 * Preloaded into a child process with `node --import` to report its peak
 * memory and CPU time: on exit it writes `{ "maxRssKb", "cpuMicros" }` (the
 * RSS high-water mark and user + system CPU time of the whole process, worker
 * threads included) to the file named by
 * QUALIFY_BENCH_RSS_FILE. Reading it from inside avoids racing the process's
 * exit from outside.
 */
const target = process.env["QUALIFY_BENCH_RSS_FILE"];
if (target) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime }));
  });
}

import { defineConfig } from "vitest/config";

// Tests import workspace packages through their TypeScript source (the
// "source" export condition), so unit tests never wait for a build. Tests
// that run the real CLI as a process need dist/, which the global setup
// builds once per run.
const sourceFirst = { conditions: ["source", "import", "module", "default"] };

export default defineConfig({
  resolve: sourceFirst,
  ssr: { resolve: { conditions: ["source", "import", "module", "default"], externalConditions: ["source"] } },
  test: {
    globalSetup: ["./test/global-setup.ts"],
    include: ["packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "packages/editor/e2e/**"],
    // A file stuck in synchronous code outlives every timeout and leaves a
    // log that just stops; the second reporter names it every five minutes.
    reporters: ["default", "./test/slow-file-reporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

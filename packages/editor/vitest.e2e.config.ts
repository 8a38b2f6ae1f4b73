import { defineConfig } from "vitest/config";

// End-to-end tests: the demo built with vite, driven in Debian Chromium by
// playwright-core. Node-side code imports workspace packages through their
// TypeScript source, like the unit tests do.
const sourceFirst = ["source", "import", "module", "default"];

export default defineConfig({
  resolve: { conditions: sourceFirst },
  ssr: { resolve: { conditions: sourceFirst, externalConditions: ["source"] } },
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["./e2e/global-setup.ts"],
    fileParallelism: false,
    reporters: ["default", "../../test/slow-file-reporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});

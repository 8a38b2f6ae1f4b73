import { defineConfig } from "vitest/config";
const c = { conditions: ["source", "import", "module", "default"] };
export default defineConfig({
  root: "/work/main",
  resolve: c,
  ssr: { resolve: { conditions: c.conditions, externalConditions: ["source"] } },
  test: { include: ["packages/language/test/parser/**/*.test.ts", "packages/language/test/format/**/*.test.ts"], testTimeout: 60000 },
});

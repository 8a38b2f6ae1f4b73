import { fileURLToPath } from "node:url";
import { defaultClientConditions, defineConfig } from "vite";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

// The demo imports workspace packages through their TypeScript source (the
// "source" export condition), so it runs without building them first; the
// worker bundle resolves the same way.
export default defineConfig({
  root: fileURLToPath(new URL("demo", import.meta.url)),
  base: "./",
  resolve: { conditions: ["source", ...defaultClientConditions] },
  worker: { format: "es" },
  server: { fs: { allow: [repoRoot] } },
  build: {
    outDir: fileURLToPath(new URL("demo-dist", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    reportCompressedSize: false,
  },
  logLevel: "warn",
});

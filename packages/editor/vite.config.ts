import { fileURLToPath } from "node:url";
import { defaultClientConditions, defineConfig } from "vite";
import type { Plugin } from "vite";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Vite's own start-up banner is off (`logLevel: "warn"` keeps the terminal
 * quiet while editing), so the demo says where it is once it listens.
 */
export function printDemoAddress(write: (text: string) => void = (text) => void process.stdout.write(text)): Plugin {
  return {
    name: "qualify-print-demo-address",
    configureServer(server) {
      server.httpServer?.once("listening", () => {
        const urls = server.resolvedUrls?.local ?? [];
        write(`qualify editor demo: ${urls[0] ?? "(no local address)"}  (Ctrl+C to stop)\n`);
      });
    },
  };
}

// The demo imports workspace packages through their TypeScript source (the
// "source" export condition), so it runs without building them first; the
// worker bundle resolves the same way.
export default defineConfig({
  root: fileURLToPath(new URL("demo", import.meta.url)),
  base: "./",
  resolve: { conditions: ["source", ...defaultClientConditions] },
  plugins: [printDemoAddress()],
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

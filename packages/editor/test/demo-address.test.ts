import { fileURLToPath } from "node:url";
import { createServer } from "vite";
import { describe, expect, it } from "vitest";
import { printDemoAddress } from "../vite.config.js";

describe("the editor demo server (pnpm editor)", () => {
  it("prints its address once it listens", async () => {
    const lines: string[] = [];
    const server = await createServer({
      configFile: false,
      root: fileURLToPath(new URL("../demo", import.meta.url)),
      logLevel: "silent",
      server: { port: 0, host: "127.0.0.1" },
      plugins: [printDemoAddress((text) => lines.push(text))],
    });
    try {
      await server.listen();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const port = (server.httpServer?.address() as { port: number }).port;
      expect(lines).toEqual([`qualify editor demo: http://127.0.0.1:${port}/  (Ctrl+C to stop)\n`]);
    } finally {
      await server.close();
    }
  });

  it("is part of the demo's vite config", async () => {
    const config = (await import("../vite.config.js")).default as { plugins?: { name: string }[] };
    expect(config.plugins?.map((p) => p.name)).toContain("qualify-print-demo-address");
  });
});

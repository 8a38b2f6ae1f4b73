import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The editor package's folder (this file is in src/testing or dist/testing). */
export const EDITOR_PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));
/** Where `buildDemo` writes the demo app. */
export const DEMO_DIST_DIR = join(EDITOR_PACKAGE_DIR, "demo-dist");

/** Builds the demo app with vite (production build, as the tests run it). Returns the output folder. */
export async function buildDemo(): Promise<string> {
  const { build } = await import("vite");
  await build({ configFile: join(EDITOR_PACKAGE_DIR, "vite.config.ts"), logLevel: "error" });
  return DEMO_DIST_DIR;
}

/** A running static server of the built demo. */
export interface DemoServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The policy every response carries. A header (unlike the page's meta tag)
 * also reaches the web workers, so the checker and the compiled evaluator in
 * the Qual worker run without 'unsafe-eval' too.
 */
export const DEMO_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".ttf": "font/ttf",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
};

/**
 * Serves a built demo folder on a free local port. A tiny server of our own
 * rather than `vite preview`, so the port is chosen by the OS and nothing
 * but files under `root` can be read.
 */
export async function serveDemo(root: string = DEMO_DIST_DIR): Promise<DemoServer> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(base, path === "/" ? "index.html" : path));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    stat(file).then(
      (info) => {
        if (!info.isFile()) throw new Error("not a file");
        response.writeHead(200, {
          "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
          "content-security-policy": DEMO_CONTENT_SECURITY_POLICY,
        });
        createReadStream(file).pipe(response);
      },
      () => response.writeHead(404).end(),
    ).catch(() => response.writeHead(404).end());
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

import type { TestProject } from "vitest/node";
import { buildDemo, serveDemo } from "../src/testing/demo-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    demoUrl: string;
  }
}

/** Builds the demo once per run and serves it; every e2e file opens it in its own Chromium. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildDemo();
  const server = await serveDemo();
  project.provide("demoUrl", server.url);
  return () => server.close();
}

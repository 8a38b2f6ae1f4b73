import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chooseServerModule } from "../src/server-module.js";

const dir = mkdtempSync(join(tmpdir(), "qual-vscode-"));
const bundled = join(dir, "extension", "out", "server.cjs");
const workspace = join(dir, "work");
const custom = join(workspace, "bin", "server.js");
for (const file of [bundled, custom]) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, "// a server script\n");
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("choosing the language server script", () => {
  it("runs the bundled server when qualify.server.path is empty or blank", () => {
    for (const configured of [undefined, "", "   "]) {
      expect(chooseServerModule({ configured, workspaceFolder: workspace, bundled, exists: existsSync })).toEqual({ path: bundled, source: "bundled" });
    }
  });

  it("runs the configured script, reading a relative path from the workspace folder", () => {
    expect(chooseServerModule({ configured: "bin/server.js", workspaceFolder: workspace, bundled, exists: existsSync })).toEqual({
      path: custom,
      source: "setting",
    });
    expect(chooseServerModule({ configured: custom, workspaceFolder: undefined, bundled, exists: existsSync }).path).toBe(custom);
  });

  it("says which path it tried when the setting names no file, instead of falling back", () => {
    expect(() => chooseServerModule({ configured: "bin/nothing.js", workspaceFolder: workspace, bundled, exists: existsSync })).toThrow(
      `qualify.server.path is "bin/nothing.js", but there is no file at ${join(workspace, "bin", "nothing.js")}`,
    );
  });

  it("says how to rebuild when the bundled server is missing", () => {
    expect(() => chooseServerModule({ bundled: join(dir, "missing.cjs"), exists: existsSync })).toThrow(/scripts\/build\.mjs/);
  });
});

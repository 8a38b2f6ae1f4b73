import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadIR } from "@qualify/compiler";
import { afterEach, describe, expect, it } from "vitest";
import { MINI_MODEL, qualify, workspace } from "./run-cli.js";

// The same model with its layout scrambled: the formatter must restore a canonical form.
const MESSY = MINI_MODEL.replace('criterion big     "Big budget" = budget >= 10_000', 'criterion   big "Big budget"=budget>=10_000').replace(
  "tier cold \"Cold\" otherwise",
  "tier cold\n   \"Cold\"   otherwise",
);

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe("qualify fmt", () => {
  it("lists files that differ with --check, exits 1 and writes nothing", () => {
    const ws = workspace({ "messy.qual": MESSY });
    cleanup = ws.cleanup;
    const run = qualify(["fmt", "--check", "."], { cwd: ws.dir });
    expect(run.code).toBe(1);
    expect(run.stdout.trim()).toBe("messy.qual");
    expect(readFileSync(ws.path("messy.qual"), "utf8")).toBe(MESSY);
  });

  it("rewrites files in place, after which --check passes and a second run changes nothing", () => {
    const ws = workspace({ "messy.qual": MESSY });
    cleanup = ws.cleanup;
    const first = qualify(["fmt", "messy.qual"], { cwd: ws.dir });
    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toBe("messy.qual");
    const formatted = readFileSync(ws.path("messy.qual"), "utf8");
    expect(formatted).not.toBe(MESSY);
    expect(formatted).toMatch(/^criterion big +"Big budget" = budget >= 10_000$/m);
    // Only the layout differed, so the result is the canonical form of the tidy original too.
    const tidy = workspace({ "tidy.qual": MINI_MODEL });
    try {
      qualify(["fmt", "tidy.qual"], { cwd: tidy.dir });
      expect(formatted).toBe(readFileSync(tidy.path("tidy.qual"), "utf8"));
    } finally {
      tidy.cleanup();
    }
    const check = qualify(["fmt", "--check", "messy.qual"], { cwd: ws.dir });
    expect(check.code).toBe(0);
    expect(check.stdout).toBe("");
    expect(qualify(["fmt", "."], { cwd: ws.dir }).stdout).toBe("");
    expect(readdirSync(ws.dir)).toEqual(["messy.qual"]);
  });

  it("shows with --diff a unified diff that git applies to give the formatted file, writing nothing", () => {
    const ws = workspace({ "messy.qual": MESSY });
    cleanup = ws.cleanup;
    const run = qualify(["fmt", "--diff", "messy.qual"], { cwd: ws.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^--- a\/messy\.qual\n\+\+\+ b\/messy\.qual\n@@ /m);
    expect(run.stdout).toContain('\n-criterion   big "Big budget"=budget>=10_000\n');
    expect(readFileSync(ws.path("messy.qual"), "utf8")).toBe(MESSY);
    const formatted = qualify(["fmt", "-"], { input: MESSY }).stdout;
    writeFileSync(ws.path("layout.patch"), run.stdout);
    execFileSync("git", ["apply", "--unsafe-paths", "layout.patch"], { timeout: 300_000, killSignal: "SIGKILL", cwd: ws.dir });
    expect(readFileSync(ws.path("messy.qual"), "utf8")).toBe(formatted);
    // A tidy file has no diff and passes.
    const tidy = qualify(["fmt", "--diff", "-"], { input: formatted });
    expect(tidy.code).toBe(0);
    expect(tidy.stdout).toBe("");
  });

  it("formats stdin to stdout with -", () => {
    const run = qualify(["fmt", "-"], { input: MESSY });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^criterion big +"Big budget" = budget >= 10_000$/m);
    expect(qualify(["fmt", "--check", "-"], { input: run.stdout }).code).toBe(0);
    expect(qualify(["fmt", "--check", "-"], { input: MESSY }).code).toBe(1);
    const broken = qualify(["fmt", "-"], { input: "model x\ntier t when\n" });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/<stdin>:\d+:\d+: error QUAL1\d\d/);
  });

  it("leaves a file with syntax errors alone, prints the errors and exits 1", () => {
    const broken = "model x \"X\"\ninput { a: number }\ntier t \"T\" when a >=\n";
    const ws = workspace({ "broken.qual": broken });
    cleanup = ws.cleanup;
    const run = qualify(["fmt", "broken.qual"], { cwd: ws.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/broken\.qual:\d+:\d+: error QUAL1\d\d/);
    expect(readFileSync(ws.path("broken.qual"), "utf8")).toBe(broken);
  });
});

describe("qualify compile", () => {
  it("writes the versioned IR that loadIR reads back", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL });
    cleanup = ws.cleanup;
    const run = qualify(["compile", "mini.qual", "-o", "mini.json"], { cwd: ws.dir });
    expect(run.code).toBe(0);
    const ir = loadIR(readFileSync(ws.path("mini.json"), "utf8"));
    expect(ir.id).toBe("mini");
    expect(ir.tiers.map((t) => t.id)).toEqual(["hot", "warm", "cold"]);
    // The saved model is itself a model file the other commands accept.
    const check = qualify(["check", "mini.json"], { cwd: ws.dir });
    expect(check.code).toBe(0);
    const explained = qualify(["explain", "mini.json", "--lead", '{"pains": []}', "--json"], { cwd: ws.dir });
    expect(JSON.parse(explained.stdout).tier).toBe("cold");
  });

  it("refuses to write when the model has errors, exit 1, and leaves no file", () => {
    const ws = workspace({ "bad.qual": MINI_MODEL.replace("fit >= 15", "fitt >= 15") });
    cleanup = ws.cleanup;
    const run = qualify(["compile", "bad.qual", "-o", "bad.json"], { cwd: ws.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad\.qual:\d+:\d+: error QUAL2\d\d/);
    expect(run.stderr).toContain("nothing was done");
    expect(readdirSync(ws.dir)).toEqual(["bad.qual"]);
  });

  it("exits 2 when the model is missing or the argument is absent", () => {
    const ws = workspace({});
    cleanup = ws.cleanup;
    const missing = qualify(["compile", "nope.qual", "-o", "x.json"], { cwd: ws.dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.qual: cannot read the file (no such file or directory)");
    expect(existsSync(ws.path("x.json"))).toBe(false);
    const absent = qualify(["compile"], { cwd: ws.dir });
    expect(absent.code).toBe(2);
    expect(absent.stderr).toMatch(/missing required argument 'model'/);
  });

  it("exits 2 for a model file that cannot be read (a directory), naming it", () => {
    const ws = workspace({ "dir.qual/readme.txt": "not a model" });
    cleanup = ws.cleanup;
    const run = qualify(["compile", "dir.qual", "-o", "out.json"], { cwd: ws.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("dir.qual: cannot read the file (it is a directory)");
    expect(existsSync(ws.path("out.json"))).toBe(false);
  });

  it("rejects a saved model that is not one, naming the file", () => {
    const ws = workspace({ "fake.json": '{"format": "something-else"}' });
    cleanup = ws.cleanup;
    const run = qualify(["check", "fake.json"], { cwd: ws.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/fake\.json:1:1: error QUAL791: This is not a saved qualify model/);
  });
});

describe("qualify schema", () => {
  it("prints the JSON Schema of the model's leads", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL });
    cleanup = ws.cleanup;
    const run = qualify(["schema", "mini.qual"], { cwd: ws.dir });
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout) as { type: string; properties: Record<string, unknown>; required?: string[] };
    expect(schema.type).toBe("object");
    expect(Object.keys(schema.properties).sort()).toEqual(["budget", "company", "country", "do_not_email", "pains", "role"]);
    expect(schema.required).toEqual(["pains"]);
  });
});

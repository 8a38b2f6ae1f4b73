import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { qualify, workspace } from "./run-cli.js";

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const MODEL = `model m "M"

input {
  visits: number
  trial: bool
  role: text
}

criterion engaged "Engaged" = visits >= 3 and trial
criterion exec "Exec" = role = "CEO"
score points "Points" = 2 * min(visits, 10)

tier hot "Hot" when engaged
tier lead "Lead" otherwise
`;

describe("qualify export --to jsonlogic", () => {
  it("refuses, with positions and writing nothing, when a declaration would change meaning", () => {
    const ws = workspace({ "m.qual": MODEL });
    cleanup = ws.cleanup;
    const run = qualify(["export", "--to", "jsonlogic", "m.qual", "-o", "m.json"], { cwd: ws.dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("m.qual:10:25: criterion exec not exported: Qual compares text ignoring case");
    expect(run.stderr).toContain("nothing written");
  });

  it("exports the rest with --skip-refused, and the rules import back", () => {
    const ws = workspace({ "m.qual": MODEL });
    cleanup = ws.cleanup;
    const run = qualify(["export", "--to", "jsonlogic", "m.qual", "-o", "m.json", "--skip-refused"], { cwd: ws.dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("wrote 3 rule(s) to m.json");
    const rules = JSON.parse(readFileSync(ws.path("m.json"), "utf8")) as Record<string, unknown>;
    expect(Object.keys(rules)).toEqual(["engaged", "points", "tier"]);
    expect(rules["tier"]).toEqual({ if: [{ and: [{ ">=": [{ var: "visits" }, 3] }, { var: "trial" }] }, "hot", "lead"] });
    const back = qualify(["import", "--from", "jsonlogic", "m.json", "-o", "back.qual"], { cwd: ws.dir });
    expect(back.code).toBe(0);
    expect(readFileSync(ws.path("back.qual"), "utf8")).toContain('criterion engaged "Engaged" = (visits >= 3) and trial');
  });

  it("has help with an example", () => {
    expect(qualify(["export", "--help"]).stdout).toContain("qualify export --to jsonlogic bant.qual");
  });
});

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { assignmentBucket, assignmentHash, challengerBuckets, fmix32, fnv1a32, parseSplit } from "../src/score/assignment-hash.js";
import { MINI_MODEL, qualify, workspace } from "./run-cli.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const V1 = "examples/x-education-fit.qual";
const V2 = "examples/x-education-fit-v2.qual";
const SAMPLE = "examples/data/x-education-sample.csv";
const MAP = "examples/data/x-education-fit.map.yaml";
const NOW = ["--now", "2026-11-01"];

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const jsonLines = (path: string) => readFileSync(path, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);

describe("the assignment hash", () => {
  it("is FNV-1a 32-bit as published, then the MurmurHash3 finaliser", () => {
    // Test vectors of the FNV reference (isthe.com/chongo/tech/comp/fnv).
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
    // fmix32 maps 0 to 0 and is a bijection: distinct inputs stay distinct.
    expect(fmix32(0)).toBe(0);
    expect(new Set([1, 2, 3, 4, 0xffffffff].map(fmix32)).size).toBe(5);
    expect(assignmentHash("foobar")).toBe(fmix32(0xbf9cf968));
    // UTF-8 bytes, not UTF-16 code units: "é" is two bytes.
    expect(fnv1a32("é")).toBe(Math.imul(Math.imul(0x811c9dc5 ^ 0xc3, 0x01000193) ^ 0xa9, 0x01000193) >>> 0);
  });

  it("gives each id the same bucket whatever white space surrounds it", () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }).filter((s) => s.trim() !== ""), (id) => {
      expect(assignmentBucket(`  ${id}\t`)).toBe(assignmentBucket(id));
      expect(assignmentBucket(id)).toBeGreaterThanOrEqual(0);
      expect(assignmentBucket(id)).toBeLessThan(10_000);
    }));
  });

  it("sends close to the split's share of many distinct ids to the challenger, and a larger share only adds leads", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 24 }), { minLength: 3000, maxLength: 3000 }), fc.integer({ min: 0, max: 100 }), (ids, percent) => {
        const buckets = challengerBuckets(percent);
        const share = ids.filter((id) => assignmentBucket(id) < buckets).length / ids.length;
        // 3,000 ids: the standard error is at most 0.9 percentage points; 5 points is over five of them.
        expect(Math.abs(share - percent / 100)).toBeLessThan(0.05);
        const wider = challengerBuckets(Math.min(100, percent + 10));
        for (const id of ids) if (assignmentBucket(id) < buckets) expect(assignmentBucket(id) < wider).toBe(true);
      }),
      { numRuns: 30 },
    );
    // Sequential ids, the usual CRM kind, spread as well.
    const sequential = Array.from({ length: 100_000 }, (_, i) => `lead-${i + 1}`);
    const share = sequential.filter((id) => assignmentBucket(id) < challengerBuckets(20)).length / sequential.length;
    expect(share).toBeGreaterThan(0.19);
    expect(share).toBeLessThan(0.21);
  });

  it("reads --split as a percentage from 0 to 100", () => {
    expect(parseSplit("20%")).toBe(2000);
    expect(parseSplit("12.5")).toBe(1250);
    expect(parseSplit("0%")).toBe(0);
    expect(parseSplit("100%")).toBe(10_000);
    expect(parseSplit("120%")).toMatch(/from 0 to 100/);
    expect(parseSplit("a fifth")).toMatch(/not "a fifth"/);
  });
});

describe("qualify score --shadow", () => {
  it("writes the shadow model's tier, scores and reasons exactly as scoring with that model alone would", () => {
    const ws = workspace({});
    cleanup = ws.cleanup;
    const common = ["--in", SAMPLE, "--map", MAP, ...NOW];
    const both = qualify(["score", V1, "--shadow", V2, ...common, "--out", ws.path("both.jsonl")], { cwd: root });
    expect(both.code).toBe(0);
    expect(both.stderr).toMatch(/shadow tiers \(examples\/x-education-fit-v2.qual\): hot \d+/);
    expect(qualify(["score", V1, ...common, "--out", ws.path("v1.jsonl")], { cwd: root }).code).toBe(0);
    expect(qualify(["score", V2, ...common, "--out", ws.path("v2.jsonl")], { cwd: root }).code).toBe(0);
    const rows = jsonLines(ws.path("both.jsonl"));
    const live = jsonLines(ws.path("v1.jsonl"));
    const alone = jsonLines(ws.path("v2.jsonl"));
    expect(rows).toHaveLength(300);
    const scores = ["channel", "profile", "engagement", "total"];
    rows.forEach((row, i) => {
      const { shadow_tier, shadow_reasons, ...rest } = row;
      for (const s of scores) delete rest[`shadow_${s}`];
      expect(rest).toEqual(live[i]);
      expect(shadow_tier).toBe(alone[i]?.["tier"]);
      expect(shadow_reasons).toBe(alone[i]?.["reasons"]);
      for (const s of scores) expect(row[`shadow_${s}`]).toBe(alone[i]?.[s]);
    });
    // Some leads do change tier between the versions, so the columns are not trivially equal.
    expect(rows.some((r) => r["tier"] !== r["shadow_tier"])).toBe(true);
  });

  it("writes the same shadow columns to CSV, on worker threads too", () => {
    const ws = workspace({});
    cleanup = ws.cleanup;
    const common = ["--in", SAMPLE, "--map", MAP, ...NOW];
    expect(qualify(["score", V1, "--shadow", V2, ...common, "--out", ws.path("both.csv"), "--workers", "2"], { cwd: root }).code).toBe(0);
    expect(qualify(["score", V2, ...common, "--out", ws.path("v2.csv")], { cwd: root }).code).toBe(0);
    const rows = parse(readFileSync(ws.path("both.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    const alone = parse(readFileSync(ws.path("v2.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    const header = Object.keys(rows[0] ?? {});
    expect(header.slice(-12)).toEqual(["tier", "channel", "profile", "engagement", "total", "reasons", "shadow_tier", "shadow_channel", "shadow_profile", "shadow_engagement", "shadow_total", "shadow_reasons"]);
    rows.forEach((row, i) => {
      expect(row["shadow_tier"]).toBe(alone[i]?.["tier"]);
      expect(row["shadow_total"]).toBe(alone[i]?.["total"]);
      expect(row["shadow_reasons"]).toBe(alone[i]?.["reasons"]);
    });
  });

  it("keeps the live result of a row the shadow model rejects, saying why in shadow_reasons", () => {
    // The shadow version requires a role, which Bob's row lacks.
    const strict = MINI_MODEL.replace("role: text?", "role: text");
    const ws = workspace({ "live.qual": MINI_MODEL, "shadow.qual": strict, "leads.csv": "id,budget,role,pains\n1,50000,CFO,a\n2,,,b\n" });
    cleanup = ws.cleanup;
    const run = qualify(["score", "live.qual", "--shadow", "shadow.qual", "--in", "leads.csv", "--out", "out.jsonl"], { cwd: ws.dir });
    expect(run.code).toBe(0);
    const rows = jsonLines(ws.path("out.jsonl"));
    expect(rows.map((r) => [r["tier"], r["shadow_tier"]])).toEqual([["hot", "hot"], ["cold", null]]);
    expect(rows[1]?.["shadow_reasons"]).toMatch(/^rejected: role: /);
    expect(run.stderr).toContain("1 rows the shadow model rejected");
  });
});

describe("qualify score --shadow with a map", () => {
  it("maps a field only the shadow model has for it alone, and stops on a misspelt column of that field", () => {
    const shadow = MINI_MODEL.replace("  do_not_email: bool = false", "  do_not_email: bool = false\n  region: text?").replace('"Home market":  +5 when country = "US"', '"Home market":  +5 when region = "EU"');
    const ws = workspace({ "live.qual": MINI_MODEL, "shadow.qual": shadow, "leads.csv": "id,budget,role,pains,reg\n1,50000,CFO,a,EU\n", "good.yaml": "fields:\n  region: reg\n", "typo.yaml": "fields:\n  region: regoin\n", "none.yaml": "fields:\n  planet: reg\n" });
    cleanup = ws.cleanup;
    const good = qualify(["score", "live.qual", "--shadow", "shadow.qual", "--map", "good.yaml", "--in", "leads.csv", "--out", "out.jsonl"], { cwd: ws.dir });
    expect(good.code, good.stderr).toBe(0);
    expect(jsonLines(ws.path("out.jsonl"))[0]?.["shadow_reasons"]).toContain("Home market +5");
    const typo = qualify(["score", "live.qual", "--shadow", "shadow.qual", "--map", "typo.yaml", "--in", "leads.csv", "--out", "typo.jsonl"], { cwd: ws.dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('"regoin", which is not in the header');
    const none = qualify(["score", "live.qual", "--shadow", "shadow.qual", "--map", "none.yaml", "--in", "leads.csv", "--out", "none.jsonl"], { cwd: ws.dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("neither of the models has a field `planet`");
  });
});

describe("qualify score --split", () => {
  const common = ["--in", SAMPLE, "--map", MAP, ...NOW, "--shadow", V2, "--id-column", "Prospect ID"];

  it("assigns each lead by the hash of its id: the same on every run and in any row order, at about the share asked", () => {
    const ws = workspace({});
    cleanup = ws.cleanup;
    const first = qualify(["score", V1, ...common, "--split", "20%", "--out", ws.path("a.jsonl")], { cwd: root });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/assigned to the challenger: \d+ of 300 leads/);
    // The same leads, last row first.
    const lines = readFileSync(`${root}/${SAMPLE}`, "utf8").trim().split("\n");
    writeFileSync(ws.path("reversed.csv"), `${[lines[0], ...lines.slice(1).reverse()].join("\n")}\n`);
    const again = qualify(["score", V1, ...common.map((a) => (a === SAMPLE ? ws.path("reversed.csv") : a)), "--split", "20%", "--out", ws.path("b.jsonl")], { cwd: root });
    expect(again.code).toBe(0);
    const byId = (rows: Record<string, unknown>[]) => new Map(rows.map((r) => [r["Prospect ID"], r["assigned"]]));
    const a = jsonLines(ws.path("a.jsonl"));
    expect(byId(jsonLines(ws.path("b.jsonl")))).toEqual(byId(a));
    for (const row of a) {
      const challenger = assignmentBucket(String(row["Prospect ID"])) < 2000;
      expect(row["assigned"]).toBe(challenger ? "challenger" : "champion");
      expect(row["assigned_tier"]).toBe(challenger ? row["shadow_tier"] : row["tier"]);
    }
    const share = a.filter((r) => r["assigned"] === "challenger").length / a.length;
    // 300 leads: the standard error is 2.3 points; 10 points is over four of them.
    expect(Math.abs(share - 0.2)).toBeLessThan(0.1);
  });

  it("rejects a lead without an id to --errors, and refuses --split without --shadow or --id-column", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL, "v2.qual": MINI_MODEL.replace("+20 when big", "+5 when big"), "leads.csv": "id,budget,role,pains\n1,50000,CFO,a\n,20000,,b\n3,,,c\n" });
    cleanup = ws.cleanup;
    const run = qualify(["score", "mini.qual", "--shadow", "v2.qual", "--split", "50%", "--id-column", "id", "--in", "leads.csv", "--out", "out.csv", "--errors", "errors.jsonl"], { cwd: ws.dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("3 rows read: 2 scored, 1 rejected (see errors.jsonl)");
    const errors = jsonLines(ws.path("errors.jsonl"));
    expect(errors.map((e) => e["row"])).toEqual([2]);
    expect(JSON.stringify(errors[0])).toContain('the --id-column \\"id\\" is empty');
    const noShadow = qualify(["score", "mini.qual", "--split", "20%", "--id-column", "id", "--in", "leads.csv"], { cwd: ws.dir });
    expect(noShadow.code).toBe(2);
    expect(noShadow.stderr).toContain("--split needs --shadow");
    const noId = qualify(["score", "mini.qual", "--shadow", "v2.qual", "--split", "20%", "--in", "leads.csv"], { cwd: ws.dir });
    expect(noId.code).toBe(2);
    expect(noId.stderr).toContain("--split needs --id-column");
    const wrongColumn = qualify(["score", "mini.qual", "--shadow", "v2.qual", "--split", "20%", "--id-column", "lead_id", "--in", "leads.csv"], { cwd: ws.dir });
    expect(wrongColumn.code).toBe(2);
    expect(wrongColumn.stderr).toContain('--id-column "lead_id" is not a column of leads.csv');
  });
});

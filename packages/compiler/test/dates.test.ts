import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDateText } from "../src/index.js";

describe("parseDateText", () => {
  it.each([
    ["2026-11-01", Date.UTC(2026, 10, 1)],
    ["2024-02-29", Date.UTC(2024, 1, 29)],
    ["2026-11-01T10:20:30Z", Date.UTC(2026, 10, 1, 10, 20, 30)],
    ["2026-11-01t10:20:30z", Date.UTC(2026, 10, 1, 10, 20, 30)],
    ["2026-11-01 10:20:30Z", Date.UTC(2026, 10, 1, 10, 20, 30)],
    ["2026-11-01T10:20:30", Date.UTC(2026, 10, 1, 10, 20, 30)],
    ["2026-11-01T10:20:30.250Z", Date.UTC(2026, 10, 1, 10, 20, 30, 250)],
    ["2026-11-01T10:20:30+02:00", Date.UTC(2026, 10, 1, 8, 20, 30)],
    ["2026-11-01T10:20:30-0130", Date.UTC(2026, 10, 1, 11, 50, 30)],
    ["2026-11-01T10:20:30+02", Date.UTC(2026, 10, 1, 8, 20, 30)],
    ["2016-12-31T23:59:60Z", Date.UTC(2017, 0, 1)],
  ])("reads %s", (text, expected) => {
    expect(parseDateText(text)).toBe(expected);
  });

  it("reads years before 100 as those years, not 19xx", () => {
    expect(new Date(parseDateText("0050-03-01") ?? Number.NaN).toISOString()).toBe("0050-03-01T00:00:00.000Z");
  });

  it.each([
    "2026-02-29", "2025-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-11-00",
    "2026-11-01T24:00:00Z", "2026-11-01T10:60:00Z", "2026-11-01T10:00:61Z", "2026-11-01T12:59:60Z",
    "2026-11-01T10:00Z", "2026-11-01T10:00:00+24:00", "2026-11-1", "26-11-01", "2026/11/01", "", "today", "2026-11-01T",
  ])("refuses %j", (text) => {
    expect(parseDateText(text)).toBeUndefined();
  });

  it("agrees with Date.parse on every valid calendar day and zoned timestamp", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1000-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }), (date) => {
        const iso = date.toISOString();
        expect(parseDateText(iso)).toBe(date.getTime());
        expect(parseDateText(iso.slice(0, 10))).toBe(Date.parse(iso.slice(0, 10)));
        expect(parseDateText(iso.slice(0, -1))).toBe(date.getTime());
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});

import { parse as parseYaml } from "yaml";

/** One example model of the repository with a lead to try it on. */
export interface DemoExample {
  readonly name: string;
  readonly source: string;
  readonly lead: unknown;
  /** The fixture's evaluation time, when it sets one. */
  readonly now?: string;
}

const models = import.meta.glob("../../../examples/*.qual", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
const fixtures = import.meta.glob("../../../examples/*.test.yaml", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

interface Fixture {
  now?: unknown;
  cases?: { lead?: unknown; error?: unknown }[];
}

function baseName(path: string, suffix: string): string {
  return (path.split("/").pop() ?? path).slice(0, -suffix.length);
}

/** The first valid lead of the example's fixture (the sample lead), or an empty lead. */
function sampleOf(name: string): { lead: unknown; now?: string } {
  const text = Object.entries(fixtures).find(([path]) => baseName(path, ".test.yaml") === name)?.[1];
  if (!text) return { lead: {} };
  try {
    const fixture = parseYaml(text) as Fixture;
    const lead = fixture.cases?.find((c) => c.error !== true && c.lead !== undefined)?.lead ?? {};
    const now = fixture.now instanceof Date ? fixture.now.toISOString() : typeof fixture.now === "string" ? fixture.now : undefined;
    return now === undefined ? { lead } : { lead, now };
  } catch {
    return { lead: {} };
  }
}

/** The examples, BANT first, then by name. */
export const EXAMPLES: readonly DemoExample[] = Object.entries(models)
  .map(([path, source]) => {
    const name = baseName(path, ".qual");
    return { name, source, ...sampleOf(name) };
  })
  .sort((a, b) => (a.name === "bant" ? -1 : b.name === "bant" ? 1 : a.name.localeCompare(b.name)));

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root, with a trailing slash. */
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Every file under examples/ (recursively) whose name passes `keep`, sorted. */
export function exampleFiles(keep: (name: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && keep(entry.name)) found.push(path);
    }
  };
  walk(join(ROOT, "examples"));
  return found.sort();
}

/** Every example model in Qual source: examples/*.qual and examples/imported/**. */
export function exampleModels(): string[] {
  return exampleFiles((name) => name.endsWith(".qual"));
}

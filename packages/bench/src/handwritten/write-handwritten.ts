import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generatePointsSpec, POINTS_RULE_COUNT } from "../workloads/points-spec.js";
import { handwrittenSource } from "./generate-handwritten.js";

/** Where the generated hand-written points function lives (in src, next to this file's source). */
export const GENERATED_POINTS_PATH = fileURLToPath(new URL("../../src/handwritten/points-handwritten.generated.ts", import.meta.url));

/** The current text of the generated hand-written points function. */
export function pointsHandwrittenText(): string {
  return handwrittenSource(generatePointsSpec(POINTS_RULE_COUNT), "pointsHandwritten", "generatePointsSpec(POINTS_RULE_COUNT, POINTS_SEED)");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(GENERATED_POINTS_PATH, pointsHandwrittenText());
  console.log(`wrote ${GENERATED_POINTS_PATH}`);
}

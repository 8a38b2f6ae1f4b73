import { pointsHandwritten } from "../handwritten/points-handwritten.generated.js";
import { bantHandwritten } from "../workloads/bant.js";
import { type Contender, tierAndScoresReaders } from "./contender.js";

/**
 * The hand-written JavaScript function: the limit every other contender is
 * compared with (1.0x). BANT is written by hand; the 100-rule points model is
 * generated once into a checked-in source file, as a person would write it.
 */
export const handwrittenContender: Contender = {
  id: "handwritten",
  label: "hand-written JS",
  notes: "typeof checks make missing or null fields never fire; text lower-cased once per field; constant Sets hoisted",
  async prepare(workload) {
    const run = workload.id === "bant" ? bantHandwritten : pointsHandwritten;
    return { mode: "sync", run, ...tierAndScoresReaders(workload.spec.totalId) };
  },
};

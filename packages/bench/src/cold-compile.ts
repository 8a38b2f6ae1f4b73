import { compileOnce, largeModelSource } from "./harness/compile-step.js";

/**
 * Child-process entry of the compile benchmark: a fresh Node process times
 * its very first parse + check + compile of a generated model (the cold
 * number: nothing in the front end or compiler is warmed up or JIT-compiled
 * yet) and prints it as JSON. Usage: node dist/cold-compile.js RULES
 */
const rules = Number(process.argv[2]);
if (!Number.isInteger(rules) || rules <= 0) {
  console.error("usage: node dist/cold-compile.js RULES (a positive whole number)");
  process.exit(2);
}
const source = largeModelSource(rules);
const sample = compileOnce(source);
process.stdout.write(`${JSON.stringify({ rules, sourceBytes: Buffer.byteLength(source), ...sample })}\n`);

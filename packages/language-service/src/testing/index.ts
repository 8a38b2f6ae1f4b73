// Node-side helpers for tests and benchmarks of the language service and its hosts.
export { generateLargeModel } from "./large-model.js";

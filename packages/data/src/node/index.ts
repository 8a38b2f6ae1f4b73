// Node-only helpers of @qualify/data (file system access), kept out of the main entry for the browser.
export { convertModelFile, defaultOutputPath, SCHEMA_FILE } from "./convert-file.js";
export type { ConvertFileOptions, ConvertFileResult, ConvertTarget } from "./convert-file.js";
export { retargetFixture } from "./convert-fixture.js";

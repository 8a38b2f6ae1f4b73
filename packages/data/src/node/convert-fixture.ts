/**
 * The text of a fixture file (`*.test.yaml`) that runs the same cases
 * against a converted model: the `model:` line names the new file, and a
 * comment says where the cases come from. Everything else is kept as
 * written. Returns undefined when the fixture has no top-level `model:` line.
 */
export function retargetFixture(fixtureText: string, modelFile: string, origin: string): string | undefined {
  const modelLine = /^model:[^\n]*$/m;
  if (!modelLine.test(fixtureText)) return undefined;
  const header = `# The cases of ${origin}, run against ${modelFile} (generated; edit the original instead).\n`;
  return header + fixtureText.replace(modelLine, `model: ${modelFile}`);
}

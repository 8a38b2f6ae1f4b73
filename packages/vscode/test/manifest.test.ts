import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BUNDLED_SERVER, CLIENT_ID, COMMANDS, SETTINGS } from "../src/contributions.js";
import { isFixtureFile, QUAL_DOCUMENTS, QUAL_LANGUAGE_ID } from "../src/documents.js";
import { exampleFiles, ROOT } from "./examples.js";

const PACKAGE = fileURLToPath(new URL("..", import.meta.url));

interface Manifest {
  name: string;
  publisher: string;
  engines: { vscode: string };
  main: string;
  activationEvents: string[];
  devDependencies: Record<string, string>;
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    commands: { command: string; title: string }[];
    configuration: { properties: Record<string, { type: string }> };
  };
}

const manifest = JSON.parse(readFileSync(join(PACKAGE, "package.json"), "utf8")) as Manifest;

// path.matchesGlob is the glob matcher Node ships (minimatch semantics, as VS Code's document filters).
const matchesGlob = (path as unknown as { matchesGlob: (file: string, glob: string) => boolean }).matchesGlob;

/** The VS Code language a file of this name opens as, with the Qual extension installed. */
function languageOf(file: string): string | undefined {
  if (manifest.contributes.languages.some((language) => language.extensions.some((extension) => file.endsWith(extension)))) return QUAL_LANGUAGE_ID;
  if (/\.ya?ml$/.test(file)) return "yaml";
  if (file.endsWith(".json")) return "json";
  return undefined;
}

/** Whether the client hands a file to the language server. */
function selected(file: string): boolean {
  const language = languageOf(file);
  return QUAL_DOCUMENTS.some((filter) => filter.language === language && (filter.pattern === undefined || matchesGlob(file, filter.pattern)));
}

describe("the extension manifest", () => {
  it("contributes the Qual language for .qual files, with its configuration and grammar", () => {
    const [language] = manifest.contributes.languages;
    expect(language).toMatchObject({ id: QUAL_LANGUAGE_ID, extensions: [".qual"] });
    expect(existsSync(join(PACKAGE, language!.configuration))).toBe(true);
    const [grammar] = manifest.contributes.grammars;
    expect(grammar!.language).toBe(QUAL_LANGUAGE_ID);
    const grammarFile = JSON.parse(readFileSync(join(PACKAGE, grammar!.path), "utf8")) as { scopeName: string };
    expect(grammarFile.scopeName).toBe(grammar!.scopeName);
  });

  it("declares exactly the commands and settings the extension uses", () => {
    expect(manifest.contributes.commands.map((command) => command.command).sort()).toEqual([...COMMANDS].sort());
    expect(Object.keys(manifest.contributes.configuration.properties).sort()).toEqual([...SETTINGS].sort());
    expect(SETTINGS).toContain(`${CLIENT_ID}.trace.server`);
  });

  it("has what packaging needs: a publisher, a VS Code engine no older than its API types, an entry in out/", () => {
    expect(manifest.publisher).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    const engine = /^\^(\d+)\.(\d+)\./.exec(manifest.engines.vscode);
    const types = /(\d+)\.(\d+)\./.exec(manifest.devDependencies["@types/vscode"] ?? "");
    expect(engine, "engines.vscode is ^MAJOR.MINOR.PATCH").not.toBeNull();
    expect(types, "@types/vscode is a dev dependency").not.toBeNull();
    expect(Number(engine![1]) * 1000 + Number(engine![2])).toBeGreaterThanOrEqual(Number(types![1]) * 1000 + Number(types![2]));
    expect(manifest.main).toBe("./out/extension.cjs");
    expect(dirname(BUNDLED_SERVER)).toBe("out");
  });

  it.each(exampleFiles((name) => /\.(qual|qual\.ya?ml|qual\.json|test\.ya?ml)$/.test(name)).map((file) => [relative(ROOT, file)]))(
    "hands %s to the language server",
    (file) => {
      expect(selected(join(ROOT, file))).toBe(true);
    },
  );

  it.each(exampleFiles((name) => !/\.(qual|qual\.ya?ml|qual\.json|test\.ya?ml)$/.test(name)).map((file) => [relative(ROOT, file)]))(
    "leaves %s to other extensions",
    (file) => {
      expect(selected(join(ROOT, file))).toBe(false);
    },
  );

  it("activates on a workspace that holds any file the server handles", () => {
    const globs = manifest.activationEvents.filter((event) => event.startsWith("workspaceContains:")).map((event) => event.slice("workspaceContains:".length));
    for (const file of ["m.qual", "m.qual.yaml", "m.qual.yml", "m.qual.json", "m.test.yaml", "m.test.yml"]) {
      expect(globs.some((glob) => matchesGlob(join("some", "dir", file), glob)), file).toBe(true);
    }
  });

  it("is described by its README: every qualify.* name there is a setting or a command", () => {
    const readme = readFileSync(join(PACKAGE, "README.md"), "utf8");
    const named = [...new Set([...readme.matchAll(/\bqualify\.[A-Za-z.]*[A-Za-z]/g)].map((match) => match[0]))];
    expect(named.length).toBeGreaterThan(2);
    expect(named.filter((name) => !SETTINGS.includes(name) && !COMMANDS.includes(name))).toEqual([]);
  });

  it("knows fixture files by name, for explaining a case", () => {
    expect(["bant.test.yaml", "x.TEST.yml"].map(isFixtureFile)).toEqual([true, true]);
    expect(["bant.qual.yaml", "test.yaml", basename("a/test.yaml.bak")].map(isFixtureFile)).toEqual([false, false, false]);
  });
});

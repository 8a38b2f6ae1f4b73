import { describe, expect, it } from "vitest";
import { qualify } from "./run-cli.js";

describe("every command's --help", () => {
  const commands = qualify(["--help"]).stdout.match(/^ {2}([a-z]+)\b/gm)?.map((c) => c.trim()).filter((c) => c !== "help") ?? [];

  it("lists the commands", () => {
    expect(commands).toEqual(expect.arrayContaining(["check", "test", "fmt", "compile", "schema", "explain", "score", "convert"]));
  });

  it.each(commands.map((c) => [c]))("`qualify %s --help` ends with an example of the command", (command) => {
    const help = qualify([command, "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`\\nExamples?:\\n {2}\\$ qualify ${command} `));
  });
});

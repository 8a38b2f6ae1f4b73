import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * A fenced code block of a README, with the `<!-- checked: ... -->` marker
 * that says how a test keeps it true. Every block needs one, so a new block
 * cannot drift unseen: `illustrative: why` is allowed, but has to be said.
 */
export interface DocBlock {
  /** The README, relative to the repository root. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly language: string;
  readonly text: string;
  /** The marker's words after `checked:`; undefined when the block has none. */
  readonly marker: string | undefined;
  /** The document's text before the block, for checks that read what precedes it. */
  readonly before: string;
}

const MARKER = /^<!--\s*checked:\s*(.*?)\s*-->$/;

/** The user-facing READMEs: the root's, the examples' and every package's. */
export function readmeFiles(root: string): string[] {
  const packages = readdirSync(join(root, "packages"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(root, "packages", d.name, "README.md"));
  return [join(root, "README.md"), join(root, "examples/README.md"), ...packages].filter((f) => {
    try {
      readFileSync(f);
      return true;
    } catch {
      return false;
    }
  });
}

/** Every fenced block of `path`, each with the marker on the nearest non-blank line above it. */
export function docBlocks(root: string, path: string): DocBlock[] {
  const lines = readFileSync(path, "utf8").split("\n");
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    // Blocks inside list items are indented; their fence and text carry the indent.
    const open = lines[i]?.match(/^(\s*)```(\S*)\s*$/);
    if (!open) continue;
    const indent = open[1] ?? "";
    let close = i + 1;
    while (close < lines.length && lines[close] !== `${indent}\`\`\``) close++;
    let above = i - 1;
    while (above >= 0 && lines[above]?.trim() === "") above--;
    const marker = above >= 0 ? lines[above]?.trim().match(MARKER)?.[1] : undefined;
    blocks.push({
      file: relative(root, path),
      line: i + 1,
      language: open[2] ?? "",
      text: lines.slice(i + 1, close).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join("\n") + "\n",
      marker,
      before: lines.slice(0, i).join("\n"),
    });
    i = close;
  }
  return blocks;
}

import { readFile } from "node:fs/promises";
import { parseDateText } from "@qualify/compiler";
import { describeIoError } from "qualify/node";
import { UsageError } from "./exit-codes.js";

/**
 * Checks a `--now` value: an ISO date (`2026-11-01`, midnight UTC) or
 * timestamp (`2026-11-01T09:30:00Z`; without a zone it is UTC). Returned as
 * written; it is checked with the evaluator's own date parser, so what passes
 * here means the same to the evaluator.
 * @throws UsageError for anything else.
 */
export function parseNowOption(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (parseDateText(text) === undefined) throw new UsageError(`--now ${JSON.stringify(text)} is not a date (2026-11-01) or an ISO timestamp (2026-11-01T09:30:00Z)`);
  return text;
}

/**
 * Reads `--lead`: inline JSON (`'{"role": "CFO"}'`), `-` for stdin, or the
 * name of a JSON file.
 * @throws UsageError when the file cannot be read or the text is not JSON.
 */
export async function readLeadOption(value: string): Promise<unknown> {
  const trimmed = value.trim();
  let text: string;
  let from: string;
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    text = trimmed;
    from = "--lead";
  } else if (trimmed === "-") {
    text = await readStdin();
    from = "stdin";
  } else {
    try {
      text = await readFile(value, "utf8");
    } catch (error) {
      throw new UsageError(`${value}: cannot read the lead file (${describeIoError(error)})`);
    }
    from = value;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${from}: the lead is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

import { readFile } from "node:fs/promises";
import type { JsonValue } from "@qualify/ir";
import { describeIoError } from "qualify/node";
import { isMap, isScalar, parseDocument } from "yaml";
import type { Pair, Node as YamlNode } from "yaml";
import { UsageError } from "../exit-codes.js";
import type { FieldMap } from "./field-sources.js";
import { setOwn } from "./own-property.js";

/**
 * Reads a map file:
 * ```yaml
 * fields:
 *   total_visits: TotalVisits
 *   occupation: { column: What is your current occupation, values: { "Select": null } }
 * ```
 * @throws UsageError naming the file and the line of the problem.
 */
export async function readFieldMap(file: string): Promise<FieldMap> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`${file}: cannot read the map file (${describeIoError(error)})`);
  }
  return parseFieldMap(text, file);
}

/** Parses a map file's text; see {@link readFieldMap}. */
export function parseFieldMap(text: string, file: string): FieldMap {
  const doc = parseDocument(text, { prettyErrors: false });
  const lineOf = (node: YamlNode | null | undefined): number => {
    const offset = node?.range?.[0] ?? 0;
    return text.slice(0, offset).split("\n").length;
  };
  const fail = (node: YamlNode | null | undefined, message: string): never => {
    throw new UsageError(`${file}:${lineOf(node)}: ${message}`);
  };
  const firstError = doc.errors[0];
  if (firstError) throw new UsageError(`${file}:${firstError.linePos?.[0]?.line ?? 1}: not valid YAML (${firstError.message.split("\n")[0]})`);
  const root = doc.contents;
  if (!isMap(root)) return fail(root, "a map file is a mapping with a `fields:` key");
  for (const pair of root.items as Pair<YamlNode, YamlNode>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "?";
    if (key !== "fields") fail(pair.key, `unknown key \`${key}\`; a map file has only \`fields:\``);
  }
  const fieldsNode = root.get("fields", true);
  const fields = new Map<string, { column: string; values?: Record<string, JsonValue> }>();
  if (fieldsNode === undefined || fieldsNode === null) return { fields };
  if (!isMap(fieldsNode)) return fail(fieldsNode as YamlNode, "`fields:` maps model fields to columns");
  for (const pair of fieldsNode.items as Pair<YamlNode, YamlNode>[]) {
    const field = isScalar(pair.key) ? String(pair.key.value) : fail(pair.key, "a model field name is expected");
    const value = pair.value;
    if (isScalar(value) && (typeof value.value === "string" || typeof value.value === "number")) {
      fields.set(field, { column: String(value.value) });
      continue;
    }
    if (!isMap(value)) return fail(value ?? pair.key, `\`${field}\` needs a column name or { column, values }`);
    let column = field;
    let values: Record<string, JsonValue> | undefined;
    for (const entry of value.items as Pair<YamlNode, YamlNode>[]) {
      const key = isScalar(entry.key) ? String(entry.key.value) : "?";
      if (key === "column") {
        if (!isScalar(entry.value) || entry.value.value === null) fail(entry.value ?? entry.key, `\`${field}.column\` must be a column name`);
        column = String((entry.value as { value: unknown }).value);
      } else if (key === "values") {
        if (!isMap(entry.value)) return fail(entry.value ?? entry.key, `\`${field}.values\` maps input text to model values`);
        values = {};
        for (const v of entry.value.items as Pair<YamlNode, YamlNode>[]) {
          const from = isScalar(v.key) ? String(v.key.value) : fail(v.key, "a value mapping's key is input text");
          setOwn(values, from, (v.value === null ? null : (v.value as { toJSON(): JsonValue }).toJSON()) ?? null);
        }
      } else {
        fail(entry.key, `unknown key \`${key}\` for \`${field}\`; use \`column\` and \`values\``);
      }
    }
    fields.set(field, values ? { column, values } : { column });
  }
  return { fields };
}

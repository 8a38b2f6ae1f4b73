import type { Comment, FieldDecl, Model } from "@qualify/language";
import { Document, isMap, isPair, isScalar, isSeq, Scalar, visit } from "yaml";
import type { Node } from "yaml";
import type { DataFormat } from "../document/parse-document.js";
import { modelToDocument } from "./model-to-document.js";

/** Options of {@link toData}. */
export interface ToDataOptions {
  /** The `$schema` to write at the top: the published schema's id ({@link QUAL_MODEL_SCHEMA_ID}). */
  readonly schema?: string;
  /** The .qual text the tree was parsed from: with it, YAML keeps the blank lines that group fields, declarations and rules. */
  readonly source?: string;
}

/**
 * Writes a Qual syntax tree in the data form, as YAML or JSON. Declarations,
 * labels and doc strings keep their order; in YAML, comments are kept above
 * (or at the end of the line of) the field, declaration or rule they were
 * written with. JSON has no comments, so they are dropped there. The tree
 * should come from a parse without syntax errors; parts missing from a
 * broken tree are left out.
 */
export function toData(ast: Model, format: DataFormat, options: ToDataOptions = {}): string {
  const plain = modelToDocument(ast, options.schema);
  if (format === "json") return `${JSON.stringify(plain, null, 2)}\n`;
  const document = new Document(plain);
  compactTypes(document.get("input", true));
  compactLists(document.get("declarations", true));
  quoteMultiLineText(document);
  const anchors = attachComments(document, ast);
  if (options.source !== undefined) keepBlankLines(anchors, options.source);
  return document.toString({ lineWidth: 0, indent: 2, indentSeq: true });
}

/** Types other than records, and `one_of` lists, read best on one line: `type: { list: text }`. */
function compactTypes(fields: unknown): void {
  if (!isMap(fields)) return;
  for (const pair of fields.items) {
    if (!isMap(pair.value)) continue;
    const type = pair.value.get("type", true);
    if (isMap(type)) {
      const record = type.get("record", true);
      if (isMap(record)) compactTypes(record);
      else type.flow = true;
    }
    const fallback = pair.value.get("default", true);
    if (isSeq(fallback)) fallback.flow = true;
  }
}

/**
 * Text with line breaks is written double-quoted (`"a\nb"`): the YAML
 * writer's block scalars lose the spaces of a line that holds only spaces,
 * which would change a label or reason.
 */
function quoteMultiLineText(document: Document): void {
  visit(document, {
    Scalar(_, node) {
      if (typeof node.value === "string" && /[\n\r]/.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
}

/** A const's list of values and a set's items read best on one line: `value: [CEO, CFO]`, `items: [metrics, champion]`. */
function compactLists(declarations: unknown): void {
  if (!isSeq(declarations)) return;
  for (const item of declarations.items) {
    if (!isMap(item)) continue;
    const list = item.has("const") ? item.get("value", true) : item.has("set") ? item.get("items", true) : undefined;
    if (isSeq(list)) list.flow = true;
  }
}

interface Anchor {
  readonly start: number;
  readonly startLine: number;
  readonly endLine: number;
  /** The first of its siblings: YAML has no blank line above those. */
  readonly first: boolean;
  /** Where a comment written above the anchor goes. */
  readonly before: Node;
  /** Where a comment at the end of the anchor's last line goes. */
  readonly after: Node;
}

/** The last scalar inside a node: a comment placed on it prints at the end of the node's last line. */
function lastScalar(node: unknown): Node | undefined {
  if (isScalar(node)) return node;
  if (isMap(node)) {
    const last = node.items[node.items.length - 1];
    return isPair(last) ? lastScalar(last.value) : undefined;
  }
  if (isSeq(node)) return lastScalar(node.items[node.items.length - 1]);
  return undefined;
}

function append(existing: string | null | undefined, text: string): string {
  return existing === undefined || existing === null || existing === "" ? text : `${existing}\n${text}`;
}

/**
 * Places each comment of the tree on the YAML node that stands for the
 * syntax node it was written with: a comment on the same line as the end of
 * a field, declaration or rule stays at the end of that line; any other
 * comment goes above the next one; comments after everything go at the end.
 */
function attachComments(document: Document, ast: Model): Anchor[] {
  const anchors: Anchor[] = [];
  const add = (range: { start: { offset: number; line: number }; end: { line: number } }, before: unknown, after: unknown, first = true): void => {
    const afterNode = lastScalar(after);
    if (before === undefined || before === null || afterNode === undefined) return;
    anchors.push({ start: range.start.offset, startLine: range.start.line, endLine: range.end.line, first, before: before as Node, after: afterNode });
  };
  const root = document.contents;
  const modelPair = isMap(root) ? root.items.find((pair) => isScalar(pair.key) && pair.key.value === "model") : undefined;
  if (ast.id !== undefined && modelPair !== undefined) add(ast.id.range, modelPair.key, modelPair.value);
  const addFields = (fields: readonly FieldDecl[], map: unknown): void => {
    if (!isMap(map)) return;
    fields.forEach((field, index) => {
      const pair = map.items[index];
      if (!isPair(pair)) return;
      add(field.range, pair.key, pair.value, index === 0);
      if (field.type?.kind === "RecordType" && isMap(pair.value)) {
        const type = pair.value.get("type", true);
        if (isMap(type)) addFields(field.type.fields, type.get("record", true));
      }
    });
  };
  addFields(ast.input?.fields ?? [], document.get("input", true));
  const declarations = document.get("declarations", true);
  if (isSeq(declarations)) {
    ast.declarations.forEach((declaration, index) => {
      const item = declarations.items[index];
      add(declaration.range, item, item, index === 0);
      if (declaration.kind === "ScoreGroupDecl" && isMap(item)) {
        const rules = item.get("rules", true);
        if (isSeq(rules)) declaration.rules.forEach((rule, r) => add(rule.range, rules.items[r], rules.items[r], r === 0));
      }
    });
  }
  anchors.sort((a, b) => a.start - b.start);
  const header: string[] = [];
  for (const comment of [...ast.comments].sort((a, b) => a.range.start.offset - b.range.start.offset)) {
    placeComment(document, anchors, comment, header);
  }
  // The file's header comment sits right above `model:`, as it sat above the `model` line.
  if (header.length > 0 && modelPair !== undefined && isScalar(modelPair.key)) {
    modelPair.key.commentBefore = append(modelPair.key.commentBefore, header.join("\n"));
  } else if (header.length > 0) {
    document.commentBefore = append(document.commentBefore, header.join("\n"));
  }
  return anchors;
}

/**
 * A blank line the author left above a field, declaration or rule (above its
 * comments, if any) becomes a blank line above its YAML node, so the groups
 * of the .qual file survive a round trip: the formatter keeps blank lines it
 * finds between items, in either form.
 */
function keepBlankLines(anchors: readonly Anchor[], source: string): void {
  const lines = source.split("\n");
  const text = (line: number): string | undefined => lines[line - 1]?.trim();
  for (const anchor of anchors) {
    if (anchor.first) continue;
    let above = anchor.startLine - 1;
    while (above >= 1 && text(above)?.startsWith("#") === true) above--;
    if (above >= 1 && text(above) === "") anchor.before.spaceBefore = true;
  }
}

function placeComment(document: Document, anchors: readonly Anchor[], written: Comment, header: string[]): void {
  // The YAML writer prints an empty comment as a blank line; a single space keeps the `#`.
  const comment = written.text === "" ? { ...written, text: " " } : written;
  const offset = comment.range.start.offset;
  const line = comment.range.start.line;
  let trailing: Anchor | undefined;
  let next: Anchor | undefined;
  for (const anchor of anchors) {
    if (anchor.start <= offset && anchor.endLine === line) trailing = anchor;
    if (anchor.start > offset && next === undefined) next = anchor;
  }
  if (trailing !== undefined) {
    trailing.after.comment = append(trailing.after.comment, comment.text);
  } else if (next === anchors[0] && next !== undefined) {
    // Comments above the model line are the file's header.
    header.push(comment.text);
  } else if (next !== undefined) {
    next.before.commentBefore = append(next.before.commentBefore, comment.text);
  } else {
    document.comment = append(document.comment, comment.text);
  }
}

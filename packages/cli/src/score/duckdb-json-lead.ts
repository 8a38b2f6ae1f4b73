import type { InputField, QualType } from "@qualify/ir";
import { mayBeAbsent } from "@qualify/ir";
import { DIALECTS, ident, InputReader, textLiteral as sqlText } from "@qualify/sql";
import { jsNumberText, JSON_NUMBER, requiredProblem, wrongJson } from "./duckdb-problem.js";

/**
 * Reading JSON values (a JSON Lines row, or a value in it) in DuckDB SQL as
 * the JS path's lead reader reads them (compiler/src/lead/convert.ts): the
 * same values are valid, the same problems are reported in the same order,
 * with the same paths (`deals[0].amount`, list items from 0) and words.
 *
 * Each value is DuckDB JSON, tested with `json_type` before it is cast, so
 * a value of the wrong type is a problem of its row instead of an error that
 * ends the run (as typing the columns in `read_json` would be). Not checked,
 * as on no engine path yet: the JS path's size limits (texts over 100,000
 * characters, lists over 10,000 items).
 */

type RecordType = QualType & { kind: "record" };

/**
 * Where a field's raw JSON is read from: its key in the parent object, or
 * (for the row's own fields, whose dotted path is given) a `--map` column.
 */
export type FieldRaw = (parent: string, field: InputField, path: readonly string[] | undefined) => string;

/** A key of a JSON object, read from the object (NULL when absent; a JSON null stays JSON). */
export function jsonKey(object: string, key: string): string {
  return `json_extract(${object}, ${sqlText(`$.${JSON.stringify(key)}`)})`;
}

const byKey: FieldRaw = (parent, field) => jsonKey(parent, field.name);

/** True when the JSON value is there and not null. */
function present(raw: string): string {
  return `(${raw} IS NOT NULL AND json_type(${raw}) <> 'NULL')`;
}

/** Writes the SQL that checks and converts JSON values of declared types. */
export class JsonLeadSql {
  private lambdas = 0;
  private readonly reader = new InputReader(DIALECTS.duckdb);

  constructor(private readonly fieldRaw: FieldRaw = byKey) {}

  /** True when a present value (not absent, not null) is a valid value of the type. */
  ok(raw: string, type: QualType, path?: readonly string[]): string {
    const t = `json_type(${raw})`;
    switch (type.kind) {
      case "number":
        return `(${t} IN ${JSON_NUMBER})`;
      case "bool":
        return `(${t} = 'BOOLEAN')`;
      case "text":
        return `(${t} = 'VARCHAR')`;
      case "date":
      case "choice":
        return `CASE WHEN ${t} = 'VARCHAR' THEN ${this.reader.read(`json_extract_string(${raw}, '$')`, type)} IS NOT NULL ELSE FALSE END`;
      case "list": {
        const x = this.lambda();
        return `CASE WHEN ${t} = 'ARRAY' THEN coalesce(list_bool_and(list_transform(CAST(${raw} AS JSON[]), lambda ${x}: ${present(x)} AND ${this.ok(x, type.element)})), TRUE) ELSE FALSE END`;
      }
      case "record":
        return `CASE WHEN ${t} = 'OBJECT' THEN ${this.fieldsOk(raw, type, path)} ELSE FALSE END`;
      default:
        return "FALSE";
    }
  }

  /** True when each field of a record (an object) is valid, or absent and allowed to be. */
  fieldsOk(object: string, type: RecordType, path?: readonly string[]): string {
    if (type.fields.length === 0) return "TRUE";
    return `(${type.fields
      .map((f) => {
        const fieldPath = path === undefined ? undefined : [...path, f.name];
        const child = this.fieldRaw(object, f, fieldPath);
        return `CASE WHEN ${present(child)} THEN ${this.ok(child, f.type, fieldPath)} ELSE ${mayBeAbsent(f) ? "TRUE" : "FALSE"} END`;
      })
      .join(" AND ")})`;
  }

  /** The problems (JSON[]) of a present value at `pathSql` (SQL text), in the JS path's order; empty when it is valid. */
  problems(raw: string, type: QualType, pathSql: string, path?: readonly string[]): string {
    const t = `json_type(${raw})`;
    const wrong = `[${wrongJson(pathSql, type, raw)}]`;
    switch (type.kind) {
      case "list": {
        const x = this.lambda();
        const i = this.lambda();
        const itemPath = `${pathSql} || '[' || CAST(${i} - 1 AS VARCHAR) || ']'`;
        const item = `CASE WHEN ${present(x)} THEN ${this.problems(x, type.element, itemPath)} ELSE [${wrongJson(itemPath, type.element, x)}] END`;
        return `CASE WHEN ${t} = 'ARRAY' THEN flatten(list_transform(CAST(${raw} AS JSON[]), lambda ${x}, ${i}: ${item})) ELSE ${wrong} END`;
      }
      case "record":
        return `CASE WHEN ${t} = 'OBJECT' THEN ${this.fieldProblems(raw, type, pathSql, path)} ELSE ${wrong} END`;
      default:
        return `CASE WHEN ${this.ok(raw, type)} THEN CAST([] AS JSON[]) ELSE ${wrong} END`;
    }
  }

  /** The problems of a record's fields, field by field in declaration order; `pathSql` '' for the row itself. */
  fieldProblems(object: string, type: RecordType, pathSql: string, path?: readonly string[]): string {
    if (type.fields.length === 0) return "CAST([] AS JSON[])";
    const parts = type.fields.map((f) => {
      const fieldPath = path === undefined ? undefined : [...path, f.name];
      const child = this.fieldRaw(object, f, fieldPath);
      const childPath = pathSql === "''" ? sqlText(f.name) : `${pathSql} || ${sqlText(`.${f.name}`)}`;
      const absent = mayBeAbsent(f) ? "CAST([] AS JSON[])" : `[${requiredProblem(childPath, f.type, `CASE WHEN ${child} IS NULL THEN 'missing' ELSE 'null' END`)}]`;
      return `CASE WHEN ${present(child)} THEN ${this.problems(child, f.type, childPath, fieldPath)} ELSE ${absent} END`;
    });
    return `flatten([${parts.join(", ")}])`;
  }

  /** A present value in the column form the compiled query reads (dialect `columnType`); NULL when it is not of the type. */
  value(raw: string, type: QualType): string {
    const t = `json_type(${raw})`;
    switch (type.kind) {
      case "number":
        return `CASE WHEN ${t} IN ${JSON_NUMBER} THEN CAST(${raw} AS DOUBLE) END`;
      case "bool":
        return `CASE WHEN ${t} = 'BOOLEAN' THEN CAST(${raw} AS BOOLEAN) END`;
      case "list": {
        const x = this.lambda();
        return `CASE WHEN ${t} = 'ARRAY' THEN list_transform(CAST(${raw} AS JSON[]), lambda ${x}: ${this.value(x, type.element)}) END`;
      }
      case "record": {
        if (type.fields.length === 0) return `CASE WHEN ${t} = 'OBJECT' THEN struct_pack("__q_empty" := NULL::BOOLEAN) END`;
        const fields = type.fields.map((f) => `${ident(f.name)} := ${this.value(jsonKey(raw, f.name), f.type)}`);
        return `CASE WHEN ${t} = 'OBJECT' THEN struct_pack(${fields.join(", ")}) END`;
      }
      default:
        return `CASE WHEN ${t} = 'VARCHAR' THEN json_extract_string(${raw}, '$') END`;
    }
  }

  private lambda(): string {
    return `__q_j${++this.lambdas}`;
  }
}

/** A JSON scalar as JavaScript's `String(v)` writes it (objects, arrays and null as JSON). */
function scalarText(raw: string): string {
  const t = `json_type(${raw})`;
  return `CASE WHEN ${raw} IS NULL THEN 'null' WHEN ${t} = 'VARCHAR' THEN json_extract_string(${raw}, '$') WHEN ${t} IN ${JSON_NUMBER} THEN ${jsNumberText(`CAST(${raw} AS DOUBLE)`)} ELSE CAST(json(${raw}) AS VARCHAR) END`;
}

/**
 * A JSON value as the JS path writes it into a CSV cell (score/batch-processor.ts
 * `cellOf`): lists `;`-separated, objects as JSON, absent, null and empty as
 * an empty cell (NULL, which DuckDB writes as nothing).
 */
export function jsonCell(raw: string): string {
  const t = `json_type(${raw})`;
  return `CASE WHEN NOT ${present(raw)} THEN NULL WHEN ${t} = 'ARRAY' THEN nullif(array_to_string(list_transform(CAST(${raw} AS JSON[]), lambda __q_c: ${scalarText("__q_c")}), ';'), '') ELSE nullif(${scalarText(raw)}, '') END`;
}

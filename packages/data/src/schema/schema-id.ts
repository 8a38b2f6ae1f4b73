/**
 * The published schema's `$id`, written as `$schema` by `convert`. A path
 * into one clone (`../../packages/data/...`) breaks as soon as the file moves
 * or someone else opens it; the id names the same schema everywhere.
 * A test keeps it equal to the schema file's `$id`.
 */
export const QUAL_MODEL_SCHEMA_ID = "urn:qualify:schema:qual-model";

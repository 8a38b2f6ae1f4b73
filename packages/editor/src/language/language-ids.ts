/** The Monaco language id of Qual source text. */
export const QUAL_LANGUAGE_ID = "qual";

/** The Monaco language id of Qual models written as YAML data (`*.qual.yaml`). */
export const QUAL_YAML_LANGUAGE_ID = "qual-yaml";

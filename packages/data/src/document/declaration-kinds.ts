/** The keys that say what kind a declaration is, in the order the schema lists them. */
export const DECLARATION_KINDS = ["const", "set", "let", "criterion", "score", "disqualify", "tier"] as const;

/** One of {@link DECLARATION_KINDS}. */
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];

/**
 * The JSON Schema of a HubSpot-style lead-scoring export (the package
 * README documents its meaning). It mirrors HubSpot's lead-scoring tool:
 * score groups of kind fit or engagement, rules with points, a limit per
 * group and one for the total, engagement time frames and decay by month.
 */
export const HUBSPOT_SCORE_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "HubSpot-style lead score",
  type: "object",
  required: ["name", "groups"],
  additionalProperties: false,
  properties: {
    name: { type: "string", minLength: 1 },
    totalLimit: { type: "number", exclusiveMinimum: 0 },
    groups: { type: "array", minItems: 1, items: { $ref: "#/definitions/group" } },
    thresholds: {
      type: "array",
      description: "Tiers from the total, highest first: the first whose minimum the total reaches.",
      items: {
        type: "object",
        required: ["tier", "min"],
        additionalProperties: false,
        properties: { tier: { type: "string", minLength: 1 }, label: { type: "string" }, min: { type: "number" } },
      },
    },
  },
  definitions: {
    group: {
      type: "object",
      required: ["name", "kind", "rules"],
      additionalProperties: false,
      properties: {
        name: { type: "string", minLength: 1 },
        kind: { enum: ["fit", "engagement"] },
        limit: { type: "number", exclusiveMinimum: 0 },
        decay: {
          type: "object",
          required: ["percent", "everyMonths"],
          additionalProperties: false,
          properties: {
            percent: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 100 },
            everyMonths: { enum: [1, 3, 6, 12] },
          },
        },
        rules: { type: "array", minItems: 1, items: { $ref: "#/definitions/rule" } },
      },
    },
    rule: {
      type: "object",
      required: ["label", "points"],
      additionalProperties: false,
      properties: {
        label: { type: "string", minLength: 1 },
        points: { type: "number" },
        match: { enum: ["all", "any"] },
        criteria: { type: "array", items: { $ref: "#/definitions/criterion" } },
        event: {
          type: "object",
          required: ["property", "withinDays"],
          additionalProperties: false,
          description: "An engagement: the date of the contact's last such activity, counted when it falls in the time frame.",
          properties: { property: { $ref: "#/definitions/property" }, withinDays: { type: "integer", minimum: 1 } },
        },
      },
    },
    property: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$" },
    criterion: {
      type: "object",
      required: ["property", "operator"],
      additionalProperties: false,
      properties: {
        property: { $ref: "#/definitions/property" },
        operator: {
          enum: ["is", "is_not", "is_any_of", "is_none_of", "gt", "gte", "lt", "lte", "between", "contains", "starts_with", "ends_with", "is_known", "is_unknown", "is_true", "is_false"],
        },
        value: {},
      },
    },
  },
} as const;

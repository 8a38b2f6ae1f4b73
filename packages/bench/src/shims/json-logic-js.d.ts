// json-logic-js ships no types; this covers the part the benchmark uses.
declare module "json-logic-js" {
  type RulesLogic = unknown;
  const jsonLogic: {
    apply(logic: RulesLogic, data?: unknown): unknown;
    add_operation(name: string, code: (...args: never[]) => unknown): void;
  };
  export default jsonLogic;
}

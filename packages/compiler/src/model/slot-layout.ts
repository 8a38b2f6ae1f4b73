import type { Expr, ExprOf, ModelIR } from "@qualify/ir";
import { IRFormatError } from "../errors.js";
import type { SlotResolver } from "../expr/compile-expr.js";

type RefTarget = ExprOf<"ref">["target"];

/**
 * Assigns every input field path, let, criterion and score its frame slot,
 * so compiled code reads `frame.values[slot]` instead of looking names up.
 */
export class SlotLayout implements SlotResolver {
  private readonly fields = new Map<string, number>();
  private readonly folded = new Map<string, number>();
  /** Pairs of (text field slot, folded slot) the evaluator fills after reading a lead. */
  readonly folds: { readonly from: number; readonly to: number }[] = [];
  private readonly refs = new Map<string, { target: RefTarget; slot: number; expr: Expr | undefined }>();
  private next = 0;

  constructor(ir: ModelIR) {
    for (const l of ir.lets) this.addRef("let", l.id, l.expr);
    for (const c of ir.criteria) this.addRef("criterion", c.id, c.expr);
    for (const s of ir.scores) this.addRef("score", s.id, s.kind === "computed" ? s.expr : undefined);
  }

  private addRef(target: RefTarget, id: string, expr: Expr | undefined): void {
    if (this.refs.has(id)) throw new IRFormatError(`The name "${id}" is defined twice.`);
    this.refs.set(id, { target, slot: this.next++, expr });
  }

  /** Allocates the slot of an input field path (the lead reader calls this once per declared path). */
  allocateField(dottedPath: string): number {
    const slot = this.next++;
    this.fields.set(dottedPath, slot);
    return slot;
  }

  /** A slot no declaration owns: the fast path keeps a knockout's outcome in one (compile-model.ts). */
  allocateHidden(): number {
    return this.next++;
  }

  /** How many slots a frame needs. */
  get size(): number {
    return this.next;
  }

  fieldPath(path: readonly string[]): string {
    return path.join(".");
  }

  fieldSlot(path: readonly string[]): number {
    const slot = this.fields.get(path.join("."));
    if (slot === undefined) throw new IRFormatError(`The expression reads "${path.join(".")}", which is not a declared input field.`);
    return slot;
  }

  foldedSlot(path: readonly string[]): number {
    const key = path.join(".");
    let slot = this.folded.get(key);
    if (slot === undefined) {
      slot = this.next++;
      this.folded.set(key, slot);
      this.folds.push({ from: this.fieldSlot(path), to: slot });
    }
    return slot;
  }

  refSlot(target: RefTarget, id: string): number {
    const ref = this.refs.get(id);
    if (ref === undefined || ref.target !== target) {
      throw new IRFormatError(`The expression refers to ${target} "${id}", which is not defined.`);
    }
    return ref.slot;
  }

  refExpr(target: RefTarget, id: string): Expr | undefined {
    const ref = this.refs.get(id);
    return ref !== undefined && ref.target === target ? ref.expr : undefined;
  }
}

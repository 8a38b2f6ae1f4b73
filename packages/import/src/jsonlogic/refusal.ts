/** Thrown inside a translation when a construct cannot be carried over with its meaning. */
export class Refusal extends Error {
  constructor(
    readonly at: string,
    readonly construct: unknown,
    readonly reason: string,
  ) {
    super(reason);
    this.name = "Refusal";
  }
}

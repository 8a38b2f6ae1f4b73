/**
 * Runs the validation of each changed document once, in a later task: a
 * burst of changes (a paste, a client that sends keystrokes faster than
 * they are analysed) is validated once, at its last version, while every
 * change is still applied to the text as it arrives.
 */
export class ValidationQueue {
  private readonly pending = new Set<string>();
  private scheduled = false;

  constructor(private readonly validate: (uri: string) => void) {}

  /** Validates `uri` after the messages already received are handled. */
  schedule(uri: string): void {
    this.pending.add(uri);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.run());
  }

  /** Drops a pending validation (the document was closed). */
  cancel(uri: string): void {
    this.pending.delete(uri);
  }

  private run(): void {
    this.scheduled = false;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) this.validate(uri);
  }
}

/**
 * The editor's default debounce before validating, in milliseconds: none.
 * Validation is coalesced while the worker is busy instead (see
 * {@link ValidationSchedule}).
 */
export const DEFAULT_VALIDATION_DELAY_MS = 0;

/**
 * When to validate one model: as soon as possible, never twice at once.
 *
 * `request()` is called on every edit. The first request starts a run at
 * the end of the current task (a microtask, so that several edits made in
 * one task are validated once), or after `delayMs` when a debounce is
 * wanted. Requests that arrive while a run is in flight only mark the model
 * dirty; when the run settles, one more run starts for the newest text. So
 * there is at most one run in flight, at most one waiting, and the last
 * edit is always validated.
 *
 * Plain code with no editor or browser state, so it is tested in node.
 */
export class ValidationSchedule {
  private running = false;
  private dirty = false;
  private queued = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  /**
   * @param run validates the model's current text; its promise settles when
   *   the markers are applied (or the answer was dropped).
   * @param delayMs debounce before each run; 0 runs at the end of the task.
   */
  constructor(
    private readonly run: () => Promise<void>,
    private readonly delayMs = 0,
  ) {}

  /** True while a run is in flight. */
  get busy(): boolean {
    return this.running;
  }

  /** Asks for the model's current text to be validated. */
  request(): void {
    if (this.disposed) return;
    if (this.running) {
      this.dirty = true;
      return;
    }
    if (this.delayMs > 0) {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.start();
      }, this.delayMs);
      return;
    }
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.start();
    });
  }

  /** Stops scheduling; a run in flight finishes but starts no other. */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private start(): void {
    if (this.disposed || this.running) return;
    this.running = true;
    this.dirty = false;
    this.run()
      .catch(() => undefined) // A failed run (worker gone) must not stop later validations.
      .finally(() => {
        this.running = false;
        if (this.dirty && !this.disposed) {
          this.dirty = false;
          this.start();
        }
      });
  }
}

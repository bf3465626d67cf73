// The layout kept on disk while Fion runs, so that a Fion started after a crash puts every
// window back where it was. Writes follow changes, at most twice a second (a burst of
// changes is one write), each atomic (write, then rename): a crash mid-write leaves the
// previous file whole.
import type { Model } from '../model/index.js';
import { removeStateFile, writeStateFile } from './statefile.js';
import { log } from '../log.js';

/** At most one write per this long; a change is on disk this long after it at the latest. */
export const AUTOSAVE_MS = 500;

export class AutoSave {
  private saved: Model | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failing = false;

  /** `current` is read when the write happens, so the newest model is written. */
  constructor(private readonly path: string, private readonly display: string, private readonly current: () => Model) {}

  /** The model may have changed: write it soon (the first time at once). */
  changed(): void {
    if (this.timer !== null || this.current() === this.saved) return;
    if (this.saved === null) { this.write(); return; }
    this.timer = setTimeout(() => { this.timer = null; this.write(); }, AUTOSAVE_MS);
  }

  /** Write now (a restart hands over with it); throws when it cannot be written. */
  flush(): void {
    this.cancel();
    const model = this.current();
    writeStateFile(this.path, model, this.display);
    this.saved = model;
  }

  /** Fion stops on purpose: nothing to come back to. */
  discard(): void {
    this.cancel();
    removeStateFile(this.path);
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private write(): void {
    const model = this.current();
    if (model === this.saved) return;
    try {
      writeStateFile(this.path, model, this.display);
      this.saved = model;
      if (this.failing) log.info(`state file ${this.path} written again`);
      this.failing = false;
    } catch (e) {
      // Said once until it works again: a full disk must not flood the log.
      if (!this.failing) log.warn(`cannot write the state file ${this.path}: ${e instanceof Error ? e.message : String(e)}`);
      this.failing = true;
    }
  }
}

// Memory given back after many windows close. V8 collects its old generation when the heap
// grows, not when a program goes quiet with less to keep: after hundreds of windows close,
// their objects stay in the heap until enough is allocated again, which an idle window
// manager never does. So a few seconds after the last of a large drop in managed windows,
// Fion asks V8 for a full collection (vm.measureMemory's eager mode starts one; Node has no
// other way without a flag), and once that is done for one more: the first frees the closed
// windows' objects, and only a collection after it moves what lives on out of the pages
// they left sparse, so that V8 can give those back (its heap 13.4-13.9 MiB a minute after
// 500 windows closed in some runs, 9.2-9.9 when a second collection had run).
import { measureMemory } from 'node:vm';
import { log } from '../log.js';

/** A drop of at least this many windows, to at most half the peak, is worth a collection. */
export const GIVE_BACK_AFTER = 100;
/** Quiet this long after the last window of the drop closed. */
export const GIVE_BACK_DELAY_MS = 5000;
/** Full collections run one after the other for a give-back. */
export const GIVE_BACK_PASSES = 2;

/** Ask V8 for a full collection; resolves when it has run. */
export type Collect = () => Promise<unknown>;

/** Node 20 marks measureMemory experimental and says so on stderr at its first use, a line
 *  for Node's developers in the user's log: it is held back for that call. */
const collectNow: Collect = () => {
  const emit = process.emitWarning;
  process.emitWarning = () => {};
  try {
    return measureMemory({ mode: 'summary', execution: 'eager' });
  } finally {
    process.emitWarning = emit;
  }
};

export class GiveBack {
  private peak = 0;
  private now = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly collect: Collect = collectNow, private readonly delayMs = GIVE_BACK_DELAY_MS) {}

  /** How many windows are managed now (after every render). */
  count(n: number): void {
    this.now = n;
    if (n >= this.peak) {
      this.peak = n;
      this.cancel();
      return;
    }
    if (this.peak - n < GIVE_BACK_AFTER || n > this.peak / 2) return;
    // Each further close moves the collection on: it runs once the closing is over.
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = null;
      const closed = this.peak - this.now;
      this.peak = this.now;
      this.collectAll().then(() => log.debug(`memory: collected after ${closed} windows closed`)).catch((e: unknown) => log.debug(`memory: no collection (${e instanceof Error ? e.message : String(e)})`));
    }, this.delayMs);
    this.timer.unref();
  }

  stop(): void { this.cancel(); }

  /** The passes one after the other; a collect that throws at once rejects here too. */
  private async collectAll(): Promise<void> {
    for (let i = 0; i < GIVE_BACK_PASSES; i++) await this.collect();
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

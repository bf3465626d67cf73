// The bar's clock: a timer that wakes on the wall clock's second or minute boundaries.
import { log } from '../log.js';

/**
 * Calls `tick` just after every wall-clock second (or minute) boundary. It
 * re-aims at the next boundary each time, so it never drifts and never
 * skips or repeats a second while the process gets CPU.
 */
export class Clock {
  private timer: NodeJS.Timeout | null = null;
  constructor(private readonly tick: (now: Date) => void, private periodMs = 1000) {}

  start(): void {
    this.stop();
    const aim = (): void => {
      const now = Date.now();
      const delay = this.periodMs - (now % this.periodMs) + 2;
      this.timer = setTimeout(() => {
        try { this.tick(new Date()); } catch (e) {
          log.error(`clock tick: ${e instanceof Error ? e.message : String(e)}`);
        }
        aim();
      }, delay);
    };
    aim();
  }

  setPeriod(ms: number): void { this.periodMs = ms; if (this.timer !== null) this.start(); }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

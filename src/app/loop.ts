// The event loop's discipline on top of Node's own loop. Events are handled
// strictly in arrival order, but whatever an event needs from the server
// (a new window's properties) is requested the moment it arrives, so a burst
// of events costs one pipelined round trip, not one each. When no job the
// screen waits for is left, it is rendered once: many events in one turn, one
// render. A job queued aside (a new window's icon) holds no render: the window
// shows without waiting a round trip for it. A throwing handler is logged and
// the loop goes on.
import { log } from '../log.js';
import type { Apply, Job } from '../manage/context.js';

export class Loop {
  private tail: Promise<void> = Promise.resolve();
  /** Jobs queued and not yet applied that the next render waits for. */
  private holding = 0;
  private renderScheduled = false;
  private dirty = false;
  private stopped = false;

  constructor(private readonly render: () => void) {}

  /** Queue a job behind every earlier one. Its promise (if any) is already running.
   *  `aside`: a render may go out while it waits for its replies. */
  enqueue(job: Job, what: string, aside = false): void {
    if (this.stopped) return;
    if (!aside) this.holding++;
    let changed = true;
    const run = (apply: Apply | null): void => {
      // The render is queued before the job's requests are: the X connection flushes its
      // buffer from a setImmediate of its own, and the render's, queued first, then sends
      // them together with what the render adds (a new window's map), in one write.
      if (apply !== null) this.scheduleRender();
      try {
        if (apply !== null && !this.stopped && apply() === false) changed = false;
      } catch (e) {
        log.error(`while handling ${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    };
    if (typeof job === 'function') {
      // Nothing to wait for: still runs after everything queued before it.
      this.tail = this.tail.then(() => run(job));
    } else {
      const guarded = job.catch((e: unknown) => {
        log.error(`while preparing ${what}: ${e instanceof Error ? e.message : String(e)}`);
        return null;
      });
      this.tail = this.tail.then(() => guarded).then(run);
    }
    this.tail = this.tail.then(() => {
      if (!aside) this.holding--;
      if (changed) this.dirty = true;
      if (this.holding === 0) this.scheduleRender();
    });
  }

  /** Ask for a render at the end of this turn (the clock tick, a timer). */
  requestRender(): void {
    this.dirty = true;
    if (this.holding === 0) this.scheduleRender();
  }

  /** Render now if anything changed; used before answering a sync barrier. */
  renderNow(): void {
    if (!this.dirty || this.stopped) return;
    this.dirty = false;
    try {
      this.render();
    } catch (e) {
      log.error(`while rendering: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  /** Resolves when every job queued so far has been applied. */
  idle(): Promise<void> { return this.tail; }

  stop(): void { this.stopped = true; }

  private scheduleRender(): void {
    if (this.renderScheduled) return;
    this.renderScheduled = true;
    // setImmediate runs after the rest of the socket data already read has been parsed.
    setImmediate(() => {
      this.renderScheduled = false;
      if (this.holding === 0) this.renderNow();
    });
  }
}

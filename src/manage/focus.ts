// Keeping the focus where Fion put it: focus that lands on a root, or on a client Fion
// didn't choose, is taken back, at most every 100 ms so a client fighting for the focus
// can't make Fion spin.
import type { WindowId } from '../x/types.js';
import { FocusDetail } from '../x/protocol.js';
import type { ManageContext } from './context.js';

const MIN_INTERVAL_MS = 100;

export class FocusGuard {
  private last = 0;
  private pending = false;

  constructor(private readonly ctx: ManageContext) {}

  /** A FocusIn (Normal or WhileGrabbed mode) on `w`. */
  focusIn(w: WindowId, detail: number): void {
    const ctx = this.ctx;
    // On a root, Virtual and NonlinearVirtual mean the focus went into a window below it: fine.
    const onRoot = ctx.x.screens.some((s) => s.root === w) && detail !== FocusDetail.Virtual && detail !== FocusDetail.NonlinearVirtual;
    // Inferior: the client focused its own child.
    const strayClient = ctx.reg.clients.has(w) && detail !== FocusDetail.Inferior && ctx.reg.focused !== w;
    if (!onRoot && !strayClient) return;
    const wait = this.last + MIN_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      this.last = Date.now();
      ctx.screen.reassertFocus();
    } else if (!this.pending) {
      // The client gets its answer a little later.
      this.pending = true;
      setTimeout(() => ctx.enqueue(() => {
        this.pending = false;
        this.last = Date.now();
        ctx.screen.reassertFocus();
      }, 'focus reassert'), wait);
    }
  }

  /** A sync barrier: a focus to be taken back later is part of "handled": take it back now. */
  flush(): void {
    if (this.pending) this.ctx.screen.reassertFocus();
  }
}

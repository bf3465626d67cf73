// Which unmapped windows a Fion has seen, for the Fion that starts after a crash. A map
// request still unread when Fion dies dies with it, and the window would stay unmapped
// forever. So every top-level window is marked seen (FION_MAP_REQUESTED 0) a little after
// it is created unless it asked for a map by then (1): toolkits map a new window within
// moments of creating it, so after a crash an unmarked, unmapped window is one that was
// new, and most likely waiting for its map (adopt.ts lostRequest decides).
import type { WindowId } from '../x/types.js';
import { markSeen } from './clients.js';
import type { ManageContext } from './context.js';

/** How old a window that never asked for a map is when it is marked seen. */
export const SEEN_AFTER_MS = 2000;

/** A CreateNotify of a top-level window. */
export function created(ctx: ManageContext, w: WindowId): void {
  ctx.reg.fresh.set(w, Date.now());
  if (ctx.reg.freshSweep === null) schedule(ctx);
}

/** Its client asked for a map (or it went): the mark it has now is the right one. */
export function settled(ctx: ManageContext, w: WindowId): void {
  ctx.reg.fresh.delete(w);
}

function schedule(ctx: ManageContext): void {
  // A job, so it runs in event order and its requests go out with the loop's flush.
  const sweep = setTimeout(() => ctx.enqueue(() => {
    ctx.reg.freshSweep = null;
    const now = Date.now();
    for (const [w, at] of ctx.reg.fresh) {
      if (now - at < SEEN_AFTER_MS - 100) continue; // (a timer may fire a hair early)
      ctx.reg.fresh.delete(w);
      markSeen(ctx.x, ctx.atoms, w);
    }
    if (ctx.reg.fresh.size > 0) schedule(ctx);
  }, 'mark new windows seen'), SEEN_AFTER_MS);
  sweep.unref();
  ctx.reg.freshSweep = sweep;
}

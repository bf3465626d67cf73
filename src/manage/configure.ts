// ConfigureRequest (ICCCM 4.1.5): a floating window places and raises itself; a tiled one
// is told where the layout keeps it; a window Fion doesn't manage gets exactly what it asked for.
import type { EventOf } from '../x/events.js';
import { ConfigMask, StackMode } from '../x/protocol.js';
import { isFloating, moveFloating, raiseFloating } from '../model/index.js';
import type { Job, ManageContext } from './context.js';

type ConfigureRequest = EventOf<'ConfigureRequest'>;

const PLACE = ConfigMask.X | ConfigMask.Y | ConfigMask.Width | ConfigMask.Height;

/**
 * A ConfigureRequest has just arrived. A window Fion doesn't manage now gets what it asked
 * for at once, before any later event's reads go out: Tk sizes a dialog and maps it in one
 * breath, and the geometry read for its MapRequest must see the granted size, not the 1x1
 * it was created with. The rest waits its turn (a queued job may yet manage or release it).
 */
export function configureRequestArrived(ctx: ManageContext, ev: ConfigureRequest): Job {
  const early = !ctx.reg.clients.has(ev.window);
  if (early) grant(ctx, ev, false);
  return () => onConfigureRequest(ctx, ev, early);
}

/** `granted`: already given what it asked for, when it arrived unmanaged. */
export function onConfigureRequest(ctx: ManageContext, ev: ConfigureRequest, granted = false): void {
  const w = ev.window;
  const m = ev.mask;
  const managed = ctx.reg.clients.has(w);
  const floating = managed && isFloating(ctx.model, w);
  // XRaiseWindow (GIMP's ctrl+b brings a buried dock up): to the top of its workspace's
  // floats. Above a given sibling is taken as a plain raise; lowering is left to Fion.
  if (floating && (m & ConfigMask.StackMode) !== 0 && ev.stackMode === StackMode.Above) ctx.model = raiseFloating(ctx.model, w);
  if (floating && (m & PLACE) !== 0) {
    // Fields it didn't send keep their current value.
    const g = ctx.reg.shown.get(w) ?? ctx.model.clients.get(w)?.requested;
    const rect = {
      x: m & ConfigMask.X ? ev.x : (g?.x ?? 0), y: m & ConfigMask.Y ? ev.y : (g?.y ?? 0),
      width: m & ConfigMask.Width ? ev.width : (g?.width ?? 1), height: m & ConfigMask.Height ? ev.height : (g?.height ?? 1),
    };
    ctx.model = moveFloating(ctx.model, w, rect);
    // The reply comes from the next render; a float that ends where it was still hears back.
    const now = ctx.reg.shown.get(w);
    if (now !== undefined) ctx.x.sendConfigureNotify(w, { ...now, borderWidth: 0 });
    return;
  }
  if (managed) {
    // A tiled window's geometry is the layout's: say so without moving it.
    const g = ctx.reg.shown.get(w);
    if (g !== undefined) {
      ctx.x.sendConfigureNotify(w, { ...g, borderWidth: 0 });
      return;
    }
  }
  if (!granted) grant(ctx, ev, managed);
}

/** Not ours to place: grant exactly the fields asked for (a managed window's stacking stays Fion's). */
function grant(ctx: ManageContext, ev: ConfigureRequest, managed: boolean): void {
  const w = ev.window;
  const m = ev.mask;
  const values: Record<string, number> = {};
  if (m & ConfigMask.X) values.x = ev.x;
  if (m & ConfigMask.Y) values.y = ev.y;
  if (m & ConfigMask.Width) values.width = Math.max(1, ev.width);
  if (m & ConfigMask.Height) values.height = Math.max(1, ev.height);
  if (m & ConfigMask.BorderWidth) values.borderWidth = ev.borderWidth;
  if (!managed && m & ConfigMask.Sibling) values.sibling = ev.sibling;
  if (!managed && m & ConfigMask.StackMode) values.stackMode = ev.stackMode;
  ctx.x.configure(w, values);
}

// A client's icon (_NET_WM_ICON): read when Fion takes the window on and whenever the client
// changes it, decoded (garbage ignored) into the registry; the model learns only a serial, so
// the layout reserves the icon's room and the renderer knows when to draw it anew.
import type { WindowId } from '../x/types.js';
import { isFailure } from '../x/types.js';
import { decodeIcons } from '../x/icon.js';
import { updateClient } from '../model/index.js';
import type { Apply, ManageContext } from './context.js';

/** The most of _NET_WM_ICON read (32-bit units): 1 MiB holds the sizes clients ship (16 to
 *  256 px); what is cut off is dropped by the decoder. */
const MAX_ICON_LONGS = 256 * 1024;

export function readIconJob(ctx: ManageContext, w: WindowId): Promise<Apply> {
  const a = ctx.atoms;
  return ctx.x.getProperty(w, a._NET_WM_ICON, a.CARDINAL, MAX_ICON_LONGS).then((p) => () => {
    if (!ctx.reg.clients.has(w)) return false;
    const images = decodeIcons(isFailure(p) ? null : p, a.CARDINAL);
    if (images.length === 0) {
      ctx.reg.icons.delete(w);
      if (ctx.model.clients.get(w)?.icon === undefined) return false;
      ctx.model = updateClient(ctx.model, w, { icon: undefined });
      return;
    }
    const serial = ++ctx.reg.iconSerial;
    ctx.reg.icons.set(w, { serial, images });
    ctx.model = updateClient(ctx.model, w, { icon: serial });
  });
}

/** Icon changes, coalesced like title changes (readTitle): one read on its way at a time,
 *  and one more after it when the icon changed meanwhile. Read aside: a new window is shown
 *  without waiting for its icon, which its tab shows from the next render on. */
export function readIcon(ctx: ManageContext, w: WindowId): void {
  const reads = ctx.reg.iconReads;
  if (reads.has(w)) { reads.set(w, true); return; }
  reads.set(w, false);
  ctx.enqueue(readIconJob(ctx, w).finally(() => {
    const again = reads.get(w) === true;
    reads.delete(w);
    if (again) readIcon(ctx, w);
  }), 'icon change', true);
}

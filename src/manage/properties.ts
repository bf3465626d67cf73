// A managed client changed a property Fion reads: its title, its class, its hints (urgency,
// input), its size hints, its protocols (how it takes focus and closes), its icon.
import type { Atom, WindowId } from '../x/types.js';
import { isFailure } from '../x/types.js';
import { decodeAtoms, decodeClass, decodeNormalHints, decodeWmHints } from '../x/props.js';
import { readIconJob } from './icon.js';
import { focusedClient, updateClient } from '../model/index.js';
import { titleOf } from './clientinfo.js';
import { sizeHintsOf } from './adopt.js';
import type { Job, ManageContext } from './context.js';

export function onProperty(ctx: ManageContext, w: WindowId, atom: Atom): Job {
  const a = ctx.atoms;
  const x = ctx.x;
  if (atom === a.WM_NAME || atom === a._NET_WM_NAME) {
    return Promise.all([x.getProperty(w, a._NET_WM_NAME, 0, 1024), x.getProperty(w, a.WM_NAME, 0, 1024)])
      .then(([n, o]) => () => {
        if (!ctx.reg.clients.has(w)) return;
        ctx.model = updateClient(ctx.model, w, { title: titleOf(isFailure(n) ? null : n, isFailure(o) ? null : o, a) });
      });
  }
  if (atom === a.WM_CLASS) {
    // Some clients rename themselves after mapping (LibreOffice's Soffice becomes
    // libreoffice-writer): the tree, the events and saved layouts use the newest name.
    return x.getProperty(w, a.WM_CLASS, 0, 256).then((p) => () => {
      const c = ctx.model.clients.get(w);
      const named = decodeClass(isFailure(p) ? null : p);
      if (!ctx.reg.clients.has(w) || c === undefined || (c.class === named.class && c.instance === named.instance)) return;
      ctx.model = updateClient(ctx.model, w, named);
    });
  }
  if (atom === a.WM_HINTS) {
    return x.getProperty(w, a.WM_HINTS, 0, 9).then((p) => () => {
      const c = ctx.reg.clients.get(w);
      if (c === undefined) return;
      const hints = decodeWmHints(isFailure(p) ? null : p);
      const was = c.input;
      c.input = hints.input;
      if (was !== c.input) focusModelChanged(ctx, w);
      const focused = focusedClient(ctx.model) === w;
      if (focused) c.attention = false;
      ctx.model = updateClient(ctx.model, w, { urgent: (hints.urgent || c.attention === true) && !focused });
    });
  }
  if (atom === a.WM_NORMAL_HINTS) {
    return x.getProperty(w, a.WM_NORMAL_HINTS, 0, 18).then((p) => () => {
      if (!ctx.reg.clients.has(w)) return;
      ctx.model = updateClient(ctx.model, w, { sizeHints: sizeHintsOf(decodeNormalHints(isFailure(p) ? null : p)) });
    });
  }
  if (atom === a.WM_PROTOCOLS) {
    return x.getProperty(w, a.WM_PROTOCOLS, 0, 64).then((p) => () => {
      const c = ctx.reg.clients.get(w);
      if (c === undefined) return;
      const takeFocus = c.protocols.has(a.WM_TAKE_FOCUS);
      c.protocols = new Set(decodeAtoms(isFailure(p) ? null : p));
      if (takeFocus !== c.protocols.has(a.WM_TAKE_FOCUS)) focusModelChanged(ctx, w);
    });
  }
  if (atom === a._NET_WM_ICON) return readIconJob(ctx, w);
  return () => {};
}

/** The focused client now takes input another way (WM_HINTS input, WM_TAKE_FOCUS): focus it
 *  again that way, or a client that came to accept input would be left without the keys. */
function focusModelChanged(ctx: ManageContext, w: WindowId): void {
  if (ctx.reg.focused === w) ctx.screen.refocus(w, 0); // the screen matters only for no client
}

/**
 * Title changes, coalesced: while one read of a window's title is on its way, further
 * changes only ask for one more read after it (which sees the newest title). A client
 * renaming a window thousands of times a second costs a few reads, and keys pressed
 * meanwhile don't wait behind thousands of queued ones.
 */
export function readTitle(ctx: ManageContext, w: WindowId): void {
  const reads = ctx.reg.titleReads;
  if (reads.has(w)) { reads.set(w, true); return; }
  reads.set(w, false);
  const read = onProperty(ctx, w, ctx.atoms._NET_WM_NAME) as Promise<(() => void) | null>;
  ctx.enqueue(read.finally(() => {
    const again = reads.get(w) === true;
    reads.delete(w);
    if (again) readTitle(ctx, w);
  }), 'title change');
}

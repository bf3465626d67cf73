// The scratchpad: windows put out of the way, one key away.
//
// A scratchpad window is a float with `Client.scratchpad` set. Hidden, it is minimised
// (so it is still managed, listed, Iconic and HIDDEN, and lives in a workspace's
// floating list like any minimised float: never lost); shown, it floats. `scratchpad
// show` brings the one hidden longest ago to the focused workspace, centred on the
// focused monitor (or placed as a dropdown asks), and the same command hides it again
// while it has the focus. Tiling it, or sending it to another workspace or monitor
// while it is shown, takes it out of the scratchpad (as in i3).
import { detachFloats, focusBack, focusWithin } from './core/focus.js';
import { refuse } from './core/message.js';
import { moveClientTo } from './core/move.js';
import { findClient, floatingOf, focusedClient, focusedWorkspace, monitorShowing, parentOf, updateClient, updateTile, updateWorkspace, workspaceById } from './core/queries.js';
import { clamp, DEFAULT_FLOAT_SIZE, usableRect } from './core/rects.js';
import { withoutTab } from './core/tile.js';
import type { Client, Model, Rect, WindowId } from './types.js';

/** Where a dropdown goes: fractions (0..1) of the usable rect of the focused monitor. */
export interface Placement {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Whether a client is in the scratchpad (hidden or shown). */
export function inScratchpad(model: Model, id: WindowId): boolean {
  return model.clients.get(id)?.scratchpad !== undefined && findClient(model, id)?.floating === true;
}

/** The scratchpad's windows, hidden ones first in the order they come back, then shown ones. */
export function scratchpadWindows(model: Model): WindowId[] {
  const all = [...model.clients.values()].filter((c) => inScratchpad(model, c.id));
  const hidden = (c: Client): number => (c.minimised === true ? 0 : 1);
  return all.sort((a, b) => hidden(a) - hidden(b) || a.scratchpad! - b.scratchpad!).map((c) => c.id);
}

/**
 * Take a client into the scratchpad, stamped last in the order of coming back: a tab
 * leaves its tile for the floats (its tile shows its previous tab, the focus goes back as
 * from a closing one). `hidden`: minimised too, handing its focus on as a minimised float
 * does (see minimise.ts).
 */
function stash(model: Model, id: WindowId, hidden: boolean): Model {
  const at = findClient(model, id);
  if (!at) return model;
  const stamped = updateClient({ ...model, nextId: model.nextId + 1 }, id, hidden ? { scratchpad: model.nextId, minimised: true } : { scratchpad: model.nextId });
  if (!at.floating) {
    const untiled = updateWorkspace(stamped, at.workspace, (w) => {
      const t = updateTile(w, at.tile, (tile) => withoutTab(tile, id));
      return { ...t, floating: [...floatingOf(t), id] };
    });
    return focusBack(untiled, workspaceById(model, at.workspace)!, new Set([id])) ?? untiled;
  }
  const ws = workspaceById(stamped, at.workspace)!;
  if (!hidden || ws.focusFloating !== id) return stamped;
  // Detached, the focus moves on as from a closing float; then it goes back to its place.
  const i = floatingOf(ws).indexOf(id);
  const handed = detachFloats(stamped, at.workspace, [id], parentOf(stamped, id), false);
  return updateWorkspace(handed, at.workspace, (w) => ({ ...w, floating: floatingOf(w).toSpliced(i, 0, id) }));
}

const hide = (model: Model, id: WindowId): Model => stash(model, id, true);

/** Put a client (default: the focused one) into the scratchpad, hidden; a tiled one floats
 *  first. Refused with a message when there is no window. */
export function scratchpadMove(model: Model, id?: WindowId | null): Model {
  const target = id ?? focusedClient(model);
  if (target == null || !findClient(model, target)) return refuse(model, 'no window to put in the scratchpad');
  return hide(model, target);
}

/** The client's rect pinned on the focused monitor: at `place`, else its own size centred. */
function placed(model: Model, c: Client, place: Placement | null): Rect | null {
  const m = model.monitors[model.focusedMonitor];
  if (!m) return null;
  const u = usableRect(m);
  const frac = (v: number, lo: number): number => clamp(Number.isFinite(v) ? v : lo, 0, 1);
  const own = c.floatRect ?? c.requested ?? DEFAULT_FLOAT_SIZE;
  // A client may have asked for any size at all (NaN, 0, huge): fall back per dimension.
  const size = (v: number, fallback: number, room: number): number => clamp(Number.isFinite(v) && v >= 1 ? v : fallback, 1, Math.max(1, room));
  const width = Math.round(place ? Math.max(1, u.width * frac(place.width, 1)) : size(own.width, DEFAULT_FLOAT_SIZE.width, u.width));
  const height = Math.round(place ? Math.max(1, u.height * frac(place.height, 1)) : size(own.height, DEFAULT_FLOAT_SIZE.height, u.height));
  const x = place ? Math.round(u.width * frac(place.x, 0)) : Math.floor((u.width - width) / 2);
  const y = place ? Math.round(u.height * frac(place.y, 0)) : Math.floor((u.height - height) / 2);
  return { x: u.x - m.rect.x + Math.min(x, Math.max(0, u.width - width)), y: u.y - m.rect.y + Math.min(y, Math.max(0, u.height - height)), width, height };
}

/** Show a scratchpad window on the focused workspace, placed, focused. */
function show(model: Model, id: WindowId, place: Placement | null): Model {
  const here = focusedWorkspace(model).id;
  let next = findClient(model, id)?.workspace === here ? model : moveClientTo(model, id, here);
  const c = next.clients.get(id)!;
  const rect = placed(next, c, place);
  if (rect) next = updateClient(next, id, { floatRect: rect });
  return focusWithin(next, id);
}

/**
 * `scratchpad show`. With `id`: that scratchpad window is hidden if it is shown and
 * focused, else shown here. Without: the focused window, if it is a shown scratchpad
 * window, is hidden; else a shown one on the focused workspace is focused; else one shown
 * on another monitor comes here; else the one hidden longest ago is shown. Refused with a
 * message when there is none (or `id` is not in the scratchpad).
 */
export function scratchpadShow(model: Model, id?: WindowId | null, place: Placement | null = null): Model {
  const focused = focusedClient(model);
  if (id != null) {
    if (!inScratchpad(model, id)) return refuse(model, 'that window is not in the scratchpad');
    const shown = model.clients.get(id)?.minimised !== true;
    return shown && focused === id ? hide(model, id) : show(model, id, place);
  }
  if (focused !== null && inScratchpad(model, focused)) return hide(model, focused);
  const all = scratchpadWindows(model);
  if (all.length === 0) return refuse(model, 'the scratchpad is empty');
  const here = focusedWorkspace(model);
  const shownHere = floatingOf(here).findLast((f) => all.includes(f) && model.clients.get(f)?.minimised !== true);
  if (shownHere !== undefined) return focusWithin(model, shownHere);
  const onOther = all.find((f) => {
    const at = findClient(model, f)!;
    return model.clients.get(f)?.minimised !== true && monitorShowing(model, at.workspace) >= 0;
  });
  if (onOther !== undefined) return show(model, onOther, place);
  const next = all.find((f) => model.clients.get(f)?.minimised === true);
  return next === undefined ? refuse(model, 'no hidden window in the scratchpad') : show(model, next, place);
}

/**
 * A dropdown's key: its window (taken into the scratchpad if it is not in it) is hidden if
 * it is shown and focused, else shown here at `place`.
 */
export function toggleDropdown(model: Model, id: WindowId, place: Placement): Model {
  const at = findClient(model, id);
  if (!at) return model;
  return scratchpadShow(inScratchpad(model, id) ? model : stash(model, id, false), id, place);
}

/**
 * What the user's moves leave: a scratchpad window that ended up tiled, or shown on
 * another workspace than before (sent there), is no longer in the scratchpad.
 */
export function leftScratchpad(before: Model, after: Model): Model {
  let next = after;
  for (const c of after.clients.values()) {
    if (c.scratchpad === undefined) continue;
    const at = findClient(after, c.id);
    const was = findClient(before, c.id);
    const tiled = at !== null && !at.floating;
    const sent = at !== null && was !== null && at.workspace !== was.workspace && c.minimised !== true;
    if (tiled || sent) {
      const { scratchpad: _gone, ...rest } = c;
      next = { ...next, clients: new Map(next.clients).set(c.id, rest) };
    }
  }
  return next;
}

// Floating clients (dialogs, transients, whatever the user floats), fullscreen, urgency.
//
// A float lives in its workspace's `floating` list (bottom to top) instead of a tile. Its
// place is either pinned (`Client.floatRect`, relative to its monitor's rect origin) or,
// while not pinned, decided by the layout: centred over its transient-for parent if that
// is visible, else in the monitor's area, at its requested size. The model never needs the
// bar height: every pixel decision that depends on the theme stays in src/layout.
import { focusClient, raised } from './core/focus.js';
import { refuse } from './core/message.js';
import { findClient, floatingOf, focusedClient, monitorShowing, updateClient, updateTile, updateWorkspace, workspaceById, workspaceFocus } from './core/queries.js';
import { clamp, DEFAULT_FLOAT_SIZE, keepOnMonitor, usableRect } from './core/rects.js';
import { withTabAs, withoutTab } from './core/tile.js';
import { tiles } from './core/tree.js';
import type { Model, Rect, WindowId, Workspace, WorkspaceId } from './types.js';

/** The monitor to measure a workspace's floats against: the one showing it, else the
 *  focused one; -1 without monitors. */
function monitorFor(model: Model, wsId: WorkspaceId): number {
  const shown = monitorShowing(model, wsId);
  if (shown >= 0) return shown;
  return model.monitors.length > 0 ? model.focusedMonitor : -1;
}

/**
 * Toggle a client (default: the focused one) between tiled and floating.
 * Tiled -> floating: it leaves its tile (which shows its previous tab) and floats on top:
 * where it floated before if it did (its floatRect), else unpinned at its requested size
 * if it has one (the layout centres it), else pinned at 2/3 of its monitor's usable
 * rect, centred. Floating -> tiled: it becomes the newest tab of its workspace's focused
 * tile, shown. Either way it keeps its workspace's focus if it had it.
 */
export function toggleFloating(model: Model, id?: WindowId | null): Model {
  const target = id ?? focusedClient(model);
  const at = target == null ? null : findClient(model, target);
  if (target == null || !at) return model;
  const ws = workspaceById(model, at.workspace)!;
  const hadFocus = workspaceFocus(ws) === target;
  if (at.floating) {
    return updateWorkspace(model, at.workspace, (w) => {
      const tiled = updateTile(w, w.focus, (t) => withTabAs(t, target, model.clients.get(target)?.minimised));
      const floating = floatingOf(w).filter((f) => f !== target);
      return { ...tiled, floating, focusFloating: hadFocus ? null : (w.focusFloating ?? null) };
    });
  }
  let next = updateWorkspace(model, at.workspace, (w) => {
    const untiled = updateTile(w, at.tile, (t) => withoutTab(t, target));
    const floated: Workspace = { ...untiled, floating: [...floatingOf(w), target], focusFloating: hadFocus ? target : (w.focusFloating ?? null) };
    return raised(model, floated, target);
  });
  const c = next.clients.get(target)!;
  const mi = monitorFor(model, at.workspace);
  const m = model.monitors[mi];
  if (!c.floatRect && !c.requested && m) {
    const usable = usableRect(m);
    const width = Math.max(1, Math.round((usable.width * 2) / 3));
    const height = Math.max(1, Math.round((usable.height * 2) / 3));
    const floatRect: Rect = {
      x: usable.x - m.rect.x + Math.floor((usable.width - width) / 2),
      y: usable.y - m.rect.y + Math.floor((usable.height - height) / 2),
      width,
      height,
    };
    next = updateClient(next, target, { floatRect });
  }
  return next;
}

const finiteOr = (v: number, fallback: number): number => (Number.isFinite(v) ? Math.round(v) : fallback);

/**
 * A floating client asked to move/resize to `rect` (absolute root coordinates): pin it
 * there, relative to the monitor showing its workspace (the focused monitor if hidden).
 * The size is kept to 1..the monitor's size, the position so that at least
 * FLOAT_MIN_VISIBLE px (or the whole size) of each dimension stays on the monitor.
 * Not-a-number coordinates keep the old value. Tiled clients and unknown ids: unchanged
 * (the X side answers a tiled client with its tile's geometry).
 */
export function moveFloating(model: Model, id: WindowId, rect: Rect): Model {
  const at = findClient(model, id);
  const c = model.clients.get(id);
  if (!at || !at.floating || !c) return model;
  const m = model.monitors[monitorFor(model, at.workspace)];
  if (!m) return model;
  const old = c.floatRect;
  const width = clamp(finiteOr(rect.width, old?.width ?? 1), 1, Math.max(1, m.rect.width));
  const height = clamp(finiteOr(rect.height, old?.height ?? 1), 1, Math.max(1, m.rect.height));
  const relX = finiteOr(rect.x - m.rect.x, old?.x ?? 0);
  const relY = finiteOr(rect.y - m.rect.y, old?.y ?? 0);
  const floatRect = keepOnMonitor({ x: relX, y: relY, width, height }, { x: 0, y: 0, width: m.rect.width, height: m.rect.height });
  if (old && old.x === floatRect.x && old.y === floatRect.y && old.width === floatRect.width && old.height === floatRect.height) return model;
  return updateClient(model, id, { floatRect });
}

/**
 * A float asked to be raised (a ConfigureRequest with stack mode Above): it goes to the top
 * of its workspace's floats, its own transients right above it. The focus stays where it
 * is, as in i3: a window raising itself must not take the keys. Tiled clients and unknown
 * ids: unchanged (the tiles' stacking is Fion's).
 */
export function raiseFloating(model: Model, id: WindowId): Model {
  const at = findClient(model, id);
  if (!at || !at.floating) return model;
  const ws = workspaceById(model, at.workspace)!;
  const up = raised(model, ws, id);
  return up === ws ? model : updateWorkspace(model, at.workspace, () => up);
}

export const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
export type Corner = (typeof CORNERS)[number];

/** Pin a float in a corner of its monitor's usable rect (a rule's `corner:`, for
 *  picture-in-picture windows), at its own size (at most the usable rect's). Tiled clients
 *  and unknown ids: unchanged. */
export function pinToCorner(model: Model, id: WindowId, corner: Corner): Model {
  const at = findClient(model, id);
  const c = model.clients.get(id);
  const m = at?.floating ? model.monitors[monitorFor(model, at.workspace)] : undefined;
  if (!c || !m) return model;
  const u = usableRect(m);
  const own = c.floatRect ?? c.requested ?? DEFAULT_FLOAT_SIZE;
  const width = clamp(finiteOr(own.width, DEFAULT_FLOAT_SIZE.width), 1, u.width);
  const height = clamp(finiteOr(own.height, DEFAULT_FLOAT_SIZE.height), 1, u.height);
  const x = u.x - m.rect.x + (corner.endsWith('right') ? u.width - width : 0);
  const y = u.y - m.rect.y + (corner.startsWith('bottom') ? u.height - height : 0);
  return updateClient(model, id, { floatRect: { x, y, width, height } });
}

/** Set, clear or toggle a client's fullscreen state (_NET_WM_STATE semantics). */
export function setFullscreen(model: Model, id: WindowId, how: 'add' | 'remove' | 'toggle'): Model {
  const c = model.clients.get(id);
  if (!c) return model;
  const was = c.fullscreen === true;
  const now = how === 'toggle' ? !was : how === 'add';
  return now === was ? model : updateClient(model, id, { fullscreen: now });
}

/** Set, clear or toggle a client's maximised state along one axis (_NET_WM_STATE semantics). */
export function setMaximised(model: Model, id: WindowId, axis: 'vert' | 'horz', how: 'add' | 'remove' | 'toggle'): Model {
  const c = model.clients.get(id);
  if (!c) return model;
  const key = axis === 'vert' ? 'maximisedVert' : 'maximisedHorz';
  const was = c[key] === true;
  const now = how === 'toggle' ? !was : how === 'add';
  return now === was ? model : updateClient(model, id, { [key]: now });
}

/** Clients in a stable, user-meaningful order: workspaces in bar order; in each, tabs in
 *  reading then tab order, then floats bottom to top. */
export function clientsInOrder(model: Model): WindowId[] {
  return model.workspaces.flatMap((ws) => [...tiles(ws.root).flatMap((t) => t.tabs), ...floatingOf(ws)]);
}

/**
 * Focus the first urgent client (clientsInOrder) as focusClient does, and clear its
 * urgent mark — so running it again goes on to the next urgent one. Refused with a
 * message when no client is urgent.
 */
export function focusUrgent(model: Model): Model {
  const id = clientsInOrder(model).find((c) => model.clients.get(c)?.urgent === true);
  if (id === undefined) return refuse(model, 'no urgent window');
  return updateClient(focusClient(model, id), id, { urgent: false });
}

// Undo and redo of layout commands. Before a layout command changes anything, the layout
// part of the model (workspaces with their tile trees, tabs, floats and focus, which
// workspace each monitor shows, and the clients' fullscreen, minimised and float rects) is
// kept as a snapshot: plain data, shared with the model it came from, so a hundred of them
// cost little. Undo puts a snapshot back onto the clients that exist now: a client that
// closed since is left out, one that appeared since stays in its tile or goes to the
// nearest tile there is (under `placement: split` or `master`, a tile whose windows all
// closed does not come back). Windows opening and closing are never steps of their own.
import { withTabsAppended } from './core/tile.js';
import { mapTile, tiles } from './core/tree.js';
import { addWorkspace } from './core/workspace.js';
import { floatingOf, freeWorkspaceName } from './core/queries.js';
import { refuse } from './core/message.js';
import { settleFocus } from './core/settle.js';
import { heldTiles, prunesEmptied, withoutEmptied } from './core/emptied.js';
import type { Client, LayoutFlags, Model, Monitor, Node, Rect, TileId, UndoHistory, UndoStep, WindowId, Workspace, WorkspaceId, LayoutSnapshot } from './types.js';

/** How many steps back undo can go (the oldest are dropped past it). */
export const UNDO_LIMIT = 100;

const EMPTY: UndoHistory = { past: [], future: [] };

/** A client's own part of the layout. */
const LAYOUT_FLAGS = ['fullscreen', 'minimised', 'maximisedVert', 'maximisedHorz', 'floatRect', 'sticky', 'above', 'below', 'scratchpad'] as const;
type LayoutFlag = (typeof LAYOUT_FLAGS)[number];

/** Each client record's layout part, made once: records are immutable and shared between
 *  versions of the model, so a hundred steps over 200 windows share 200 of these rather
 *  than hold 20,000 (~1 MiB). The list is shared too while the clients stay the same. */
const flagsOf = new WeakMap<Client, LayoutFlags>();
const listOf = new WeakMap<ReadonlyMap<WindowId, Client>, readonly LayoutFlags[]>();

function layoutFlags(c: Client): LayoutFlags {
  let f = flagsOf.get(c);
  if (f === undefined) {
    const flags: { -readonly [K in LayoutFlag]?: Client[K] } = {};
    for (const k of LAYOUT_FLAGS) if (c[k] !== undefined) (flags as Record<LayoutFlag, unknown>)[k] = c[k];
    f = { id: c.id, ...flags };
    flagsOf.set(c, f);
  }
  return f;
}

function clientsLayout(clients: ReadonlyMap<WindowId, Client>): readonly LayoutFlags[] {
  let list = listOf.get(clients);
  if (list === undefined) {
    list = [...clients.values()].map(layoutFlags);
    listOf.set(clients, list);
  }
  return list;
}

/** The layout part of `model`, as undo keeps it. */
export function snapshotOf(model: Model): LayoutSnapshot {
  return {
    workspaces: model.workspaces,
    shown: model.monitors.map((m) => ({ monitor: m.name, workspace: m.workspace })),
    focusedMonitor: model.monitors[model.focusedMonitor]?.name ?? null,
    ...(model.previousWorkspace === undefined ? {} : { previousWorkspace: model.previousWorkspace }),
    clients: clientsLayout(model.clients),
  };
}

function sameRect(a: Rect | undefined, b: Rect | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height);
}

/** Whether two snapshots describe the same layout (workspaces compared by content). */
export function sameLayout(a: LayoutSnapshot, b: LayoutSnapshot): boolean {
  if (a.focusedMonitor !== b.focusedMonitor || a.previousWorkspace !== b.previousWorkspace || a.shown.length !== b.shown.length || a.clients.length !== b.clients.length) return false;
  if (a.shown.some((s, i) => s.monitor !== b.shown[i]!.monitor || s.workspace !== b.shown[i]!.workspace)) return false;
  const flags = new Map(b.clients.map((c) => [c.id, c]));
  for (const c of a.clients) {
    const o = flags.get(c.id);
    if (!o || LAYOUT_FLAGS.some((k) => k === 'floatRect' ? !sameRect(o.floatRect, c.floatRect) : o[k] !== c[k])) return false;
  }
  return a.workspaces === b.workspaces || JSON.stringify(a.workspaces) === JSON.stringify(b.workspaces);
}

/**
 * `after` (what a layout command called `label` made of `before`) with the step recorded,
 * unless the layout did not change: the redo list is dropped, at most UNDO_LIMIT kept.
 */
export function recordStep(before: Model, after: Model, label: string): Model {
  const snap = snapshotOf(before);
  if (sameLayout(snap, snapshotOf(after))) return after;
  const history = after.undo ?? EMPTY;
  const past = [...history.past, { label, before: snap }];
  return { ...after, undo: { past: past.length > UNDO_LIMIT ? past.slice(past.length - UNDO_LIMIT) : past, future: [] } };
}

/** Undo the last recorded step: the model as before it (on today's clients), and its label. */
export function undo(model: Model): { model: Model; label: string } | null {
  return travel(model, 'past');
}

/** Redo the last undone step. */
export function redo(model: Model): { model: Model; label: string } | null {
  return travel(model, 'future');
}

function travel(model: Model, from: 'past' | 'future'): { model: Model; label: string } | null {
  const history = model.undo ?? EMPTY;
  const step: UndoStep | undefined = history[from].at(-1);
  if (step === undefined) return null;
  const back: UndoStep = { label: step.label, before: snapshotOf(model) };
  const undoState: UndoHistory = from === 'past'
    ? { past: history.past.slice(0, -1), future: [...history.future, back] }
    : { past: [...history.past, back], future: history.future.slice(0, -1) };
  return { model: { ...restoreSnapshot(model, step.before), undo: undoState }, label: step.label };
}

/** The model refusing with `nothing to undo` / `nothing to redo`. */
export function nothingTo(model: Model, what: 'undo' | 'redo'): Model {
  return refuse(model, `nothing to ${what}`);
}

// ---- putting a snapshot back onto today's clients ----

/** The tile ids of a tree, for "does this tile still exist". */
function tileIds(workspaces: readonly Workspace[]): Map<TileId, WorkspaceId> {
  const out = new Map<TileId, WorkspaceId>();
  for (const ws of workspaces) for (const t of tiles(ws.root)) out.set(t.id, ws.id);
  return out;
}

/** Drop windows that are not managed now from a tree; the tile keeps its order otherwise. */
function withoutGone(node: Node, managed: ReadonlyMap<WindowId, Client>): Node {
  if (node.kind === 'tile') {
    if (node.tabs.every((t) => managed.has(t))) return node;
    return { ...node, tabs: node.tabs.filter((t) => managed.has(t)), recent: node.recent.filter((t) => managed.has(t)) };
  }
  const children = node.children.map((c) => withoutGone(c, managed));
  return children.every((c, i) => c === node.children[i]) ? node : { ...node, children };
}

/** `recent` made to agree with the minimised flags: minimised tabs out, shown ones in. */
function withRecentRepaired(node: Node, clients: ReadonlyMap<WindowId, Client>): Node {
  if (node.kind === 'split') {
    const children = node.children.map((c) => withRecentRepaired(c, clients));
    return children.every((c, i) => c === node.children[i]) ? node : { ...node, children };
  }
  const shown = (t: WindowId): boolean => clients.get(t)?.minimised !== true;
  const recent = node.recent.filter((t) => node.tabs.includes(t) && shown(t));
  const missing = node.tabs.filter((t) => shown(t) && !recent.includes(t));
  return recent.length === node.recent.length && missing.length === 0 ? node : { ...node, recent: [...recent, ...missing] };
}

/**
 * Where a client that the snapshot does not place goes (tile null: it floats there): a
 * float stays a float, on its workspace if the snapshot has it, else on `fallback`. A tab
 * goes to its own tile if the snapshot has it, else to the snapshot tile nearest to it in
 * today's tree (reading order on its workspace), else to the focused tile of its
 * workspace, else of `fallback`.
 */
function placeNewcomer(now: Model, restored: readonly Workspace[], id: WindowId, fallback: Workspace): { ws: WorkspaceId; tile: TileId | null } {
  const ids = tileIds(restored);
  for (const ws of now.workspaces) {
    if (floatingOf(ws).includes(id)) return { ws: restored.some((w) => w.id === ws.id) ? ws.id : fallback.id, tile: null };
    const ts = tiles(ws.root);
    const at = ts.findIndex((t) => t.tabs.includes(id));
    if (at < 0) continue;
    const near = ts.map((t, i) => ({ t, d: Math.abs(i - at) })).sort((a, b) => a.d - b.d).find(({ t }) => ids.has(t.id));
    if (near) return { ws: ids.get(near.t.id)!, tile: near.t.id };
    const same = restored.find((w) => w.id === ws.id);
    return same ? { ws: same.id, tile: same.focus } : { ws: fallback.id, tile: fallback.focus };
  }
  return { ws: fallback.id, tile: fallback.focus };
}

/** Which monitor shows which workspace: the snapshot's where the monitor and the workspace
 *  still exist, else what it shows now, else the first workspace no monitor shows (a new
 *  one when every workspace is shown). */
function monitorsFor(model: Model, snap: LayoutSnapshot): Model {
  const exists = (id: WorkspaceId): boolean => model.workspaces.some((w) => w.id === id);
  const taken = new Set<WorkspaceId>();
  const chosen: (WorkspaceId | null)[] = model.monitors.map((m) => {
    const then = snap.shown.find((s) => s.monitor === m.name)?.workspace;
    const ws = then !== undefined && exists(then) && !taken.has(then) ? then : null;
    if (ws !== null) taken.add(ws);
    return ws;
  });
  model.monitors.forEach((m, i) => {
    if (chosen[i] === null && exists(m.workspace) && !taken.has(m.workspace)) { chosen[i] = m.workspace; taken.add(m.workspace); }
  });
  let next = model;
  const monitors: Monitor[] = model.monitors.map((m, i) => {
    let ws = chosen[i] ?? next.workspaces.find((w) => !taken.has(w.id))?.id ?? null;
    if (ws === null) {
      const made = addWorkspace(next, freeWorkspaceName(next));
      next = made.model;
      ws = made.workspace.id;
    }
    taken.add(ws);
    return ws === m.workspace ? m : { ...m, workspace: ws };
  });
  const focused = snap.focusedMonitor === null ? -1 : model.monitors.findIndex((m) => m.name === snap.focusedMonitor);
  return { ...next, monitors, focusedMonitor: focused >= 0 ? focused : model.focusedMonitor };
}

/**
 * The snapshot's layout on `now`'s clients. Every client of `now` ends up in exactly one
 * place: clients the snapshot names that are gone are dropped, those it does not place go
 * where placeNewcomer says; their own fullscreen, minimised and float rects are kept, the
 * others get the snapshot's. Ids are never reused, so the snapshot's tiles and workspaces
 * cannot clash with today's; `nextId` stays today's.
 */
export function restoreSnapshot(now: Model, snap: LayoutSnapshot): Model {
  // The snapshot's client flags on today's clients.
  const clients = new Map(now.clients);
  for (const f of snap.clients) {
    const c = clients.get(f.id);
    if (c === undefined) continue;
    const next: Record<string, unknown> = { ...c };
    for (const k of LAYOUT_FLAGS) {
      if (f[k] === undefined) delete next[k];
      else next[k] = f[k];
    }
    clients.set(f.id, next as unknown as Client);
  }
  let workspaces: Workspace[] = snap.workspaces.map((ws) => {
    const root = withoutGone(ws.root, clients);
    const floating = floatingOf(ws).filter((f) => clients.has(f));
    const focusFloating = ws.focusFloating != null && clients.has(ws.focusFloating) ? ws.focusFloating : null;
    const gone = root === ws.root && floating.length === floatingOf(ws).length && focusFloating === (ws.focusFloating ?? null);
    return gone ? ws : { ...ws, root, ...(ws.floating === undefined ? {} : { floating }), focusFloating };
  });
  if (workspaces.length === 0) return now; // a snapshot always has one; never lose today's
  // Under split and master a tile goes with its last window: undo brings back no tile
  // whose windows have all closed since.
  if (prunesEmptied(now)) {
    const held = heldTiles(snap.workspaces);
    workspaces = workspaces.map((ws) => withoutEmptied(ws, held, now.placement === 'master'));
  }

  // Clients the snapshot does not place: where they go.
  const placed = new Set<WindowId>();
  for (const ws of workspaces) {
    for (const t of tiles(ws.root)) for (const c of t.tabs) placed.add(c);
    for (const f of floatingOf(ws)) placed.add(f);
  }
  const shownNow = now.monitors[now.focusedMonitor]?.workspace;
  const fallback = workspaces.find((w) => w.id === shownNow)
    ?? workspaces.find((w) => snap.shown.some((s) => s.workspace === w.id)) ?? workspaces[0]!;
  const minimised = (w: WindowId): boolean => clients.get(w)?.minimised === true;
  for (const id of clients.keys()) {
    if (placed.has(id)) continue;
    const to = placeNewcomer(now, workspaces, id, fallback);
    workspaces = workspaces.map((ws) => {
      if (ws.id !== to.ws) return ws;
      return to.tile === null
        ? { ...ws, floating: [...floatingOf(ws), id] }
        : { ...ws, root: mapTile(ws.root, to.tile, (t) => withTabsAppended(t, [id], minimised)) };
    });
    placed.add(id);
  }
  workspaces = workspaces.map((ws) => {
    const root = withRecentRepaired(ws.root, clients);
    const ff = ws.focusFloating != null && clients.get(ws.focusFloating)?.minimised === true ? null : (ws.focusFloating ?? null);
    return root === ws.root && ff === (ws.focusFloating ?? null) ? ws : { ...ws, root, focusFloating: ff };
  });
  // The workspace `back_and_forth` goes to, as it was (if it still exists).
  const { previousWorkspace: _previous, ...rest } = now;
  const previous = snap.previousWorkspace !== undefined && workspaces.some((w) => w.id === snap.previousWorkspace) ? { previousWorkspace: snap.previousWorkspace } : {};
  return settleFocus(null, monitorsFor({ ...rest, ...previous, clients, workspaces }, snap));
}

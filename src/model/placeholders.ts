// Tiles waiting for windows (placeholders), from a loaded layout or a restored session, and
// the windows that fill them. A new tiled window fills the placeholder of the program Fion
// started for it (its startup id, else its process or an ancestor), else the first one its
// class, instance or title fits. Restoring a session installs its workspaces with such
// placeholders: windows already there fill theirs, and the rest are named for relaunch.
import { findClient, updateTile, updateWorkspace } from './core/queries.js';
import { withTabAs, withTabsAppended, withoutTab } from './core/tile.js';
import { mapTile, tiles } from './core/tree.js';
import { addWorkspace } from './core/workspace.js';
import { build, matchesClient } from './core/build.js';
import type { Model, Node, Placeholder, SavedNode, TabMatch, TileId, WindowId, WorkspaceId } from './types.js';

/** What a new window says of where it comes from (see src/manage/launches.ts). */
export interface Origin {
  readonly startupId: string;
  /** Its process and that one's ancestors (empty when unknown). */
  readonly pids: readonly number[];
}
const UNKNOWN: Origin = { startupId: '', pids: [] };

/** How to start a program again: its command line and working folder. */
export interface Recipe {
  readonly argv: readonly string[];
  readonly cwd?: string;
}

/** A saved tab of a session: what the window matches, and how to start it again. */
export type SessionTab = TabMatch & { readonly recipe?: Recipe };

export interface SessionWorkspace {
  readonly name: string;
  readonly root: SavedNode<SessionTab>;
}

/** A program to start for a placeholder, with the startup id that placeholder waits for. */
export interface RestoreLaunch {
  readonly startupId: string;
  readonly recipe: Recipe;
}

type Spot = { ws: WorkspaceId; tile: TileId; index: number; p: Placeholder };

function spots(model: Model): Spot[] {
  return model.workspaces.flatMap((ws) => tiles(ws.root).flatMap((t) => (t.waiting ?? []).map((p, index) => ({ ws: ws.id, tile: t.id, index, p }))));
}

/**
 * A tiled client that a placeholder waits for goes there and is shown in it; that
 * placeholder is used up. By its launch first (startup id, then process ancestry), then by
 * description, placeholders of no pending launch before those of one. Else: unchanged.
 */
export function claimWaiting(model: Model, id: WindowId, origin: Origin = UNKNOWN): Model {
  const c = model.clients.get(id);
  const at = findClient(model, id);
  if (c === undefined || at === null || at.floating === true) return model;
  const all = spots(model);
  const pick = all.find((s) => origin.startupId !== '' && s.p.startupId === origin.startupId)
    ?? all.find((s) => s.p.pid !== undefined && origin.pids.includes(s.p.pid))
    ?? all.find((s) => s.p.startupId === undefined && matchesClient(s.p, c))
    ?? all.find((s) => matchesClient(s.p, c));
  if (pick === undefined) return model;
  const fromHere = updateWorkspace(model, at.workspace, (w) => updateTile(w, at.tile, (x) => withoutTab(x, id)));
  return updateWorkspace(fromHere, pick.ws, (w) => updateTile(w, pick.tile, (x) => {
    const waiting = (x.waiting ?? []).toSpliced(pick.index, 1);
    const { waiting: _w, ...rest } = withTabAs(x, id, c.minimised);
    return waiting.length > 0 ? { ...rest, waiting } : rest;
  }));
}

/** Change the placeholder waiting for launch `startupId` (gone: unchanged). */
function updatePlaceholder(model: Model, startupId: string, f: (p: Placeholder) => Placeholder): Model {
  const s = spots(model).find((x) => x.p.startupId === startupId);
  if (s === undefined) return model;
  return updateWorkspace(model, s.ws, (w) => updateTile(w, s.tile, (t) => ({ ...t, waiting: (t.waiting ?? []).map((p, i) => (i === s.index ? f(p) : p)) })));
}

/** The program started for a placeholder got its process id: its windows match by it too. */
export function setPlaceholderPid(model: Model, startupId: string, pid: number): Model {
  return updatePlaceholder(model, startupId, (p) => ({ ...p, pid }));
}

/** The program started for a placeholder failed: the placeholder stays, waiting by description. */
export function dropPlaceholderLaunch(model: Model, startupId: string): Model {
  return updatePlaceholder(model, startupId, ({ startupId: _s, pid: _p, ...rest }) => rest);
}

/** Whether a placeholder still waits for launch `startupId`. */
export function waitsForLaunch(model: Model, startupId: string): boolean {
  return spots(model).some((s) => s.p.startupId === startupId);
}

/**
 * Put a session's workspaces back: each (found by name, else created at the end) gets the
 * saved tile tree, its tiles waiting for their windows; the tiled windows a workspace held
 * already go to its first tile. Windows already managed fill the placeholders they match
 * (so nothing is started twice); each placeholder left with a recipe that `launchable`
 * accepts gets a startup id from `newId` and is returned for starting.
 */
export function restoreSession(
  model: Model, saved: readonly SessionWorkspace[], newId: (r: Recipe) => string, launchable: (r: Recipe) => boolean = () => true,
): { model: Model; launches: RestoreLaunch[] } {
  const recipes = new Map<Placeholder, Recipe>();
  let m = model;
  for (const s of saved) {
    let id = m.nextId;
    const root: Node = build(s.root, () => id++, (tab: SessionTab): Placeholder => {
      const { recipe, ...match } = tab;
      const p: Placeholder = { ...match };
      if (recipe !== undefined) recipes.set(p, recipe);
      return p;
    });
    m = { ...m, nextId: id };
    let ws = m.workspaces.find((w) => w.name === s.name);
    if (ws === undefined) {
      const added = addWorkspace(m, s.name);
      m = added.model;
      ws = added.workspace;
    }
    const old = tiles(ws.root).flatMap((t) => t.tabs);
    const first = tiles(root)[0]!;
    const minimised = (w: WindowId): boolean => m.clients.get(w)?.minimised === true;
    const withOld = old.length === 0 ? root : mapTile(root, first.id, (t) => withTabsAppended(t, old, minimised));
    m = updateWorkspace(m, ws.id, (w) => ({ ...w, root: withOld, focus: first.id, focusFloating: null }));
  }
  for (const id of model.clients.keys()) m = claimWaiting(m, id);
  const launches: RestoreLaunch[] = [];
  for (const s of spots(m)) {
    const recipe = recipes.get(s.p);
    if (recipe === undefined || !launchable(recipe)) continue;
    const startupId = newId(recipe);
    launches.push({ startupId, recipe });
    m = updateWorkspace(m, s.ws, (w) => updateTile(w, s.tile, (t) => ({ ...t, waiting: (t.waiting ?? []).map((p) => (p === s.p ? { ...p, startupId } : p)) })));
  }
  return { model: m, launches };
}

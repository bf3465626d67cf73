// Under `placement: split` and `master` tiles come and go with their windows, as i3's
// containers do: a tile that its last window leaves (closed, unmapped, floated, sent to
// another workspace, dragged to another tile) is removed and its neighbours take its space.
// Otherwise every closed window would leave a hole, and new windows would end up as tabs of
// whatever small tile stays focused. Under `tab` the tiles are the user's own layout and an
// emptied one stays.
import { findTile, pathTo, removeTileNode, tiles } from './tree.js';
import { workspaceFocus } from './queries.js';
import type { Model, Node, Split, Tile, TileId, WindowId, Workspace } from '../types.js';

/** Whether tiles emptied by their windows leaving are removed under `model`'s placement. */
export function prunesEmptied(model: Model): boolean {
  return model.placement === 'split' || model.placement === 'master';
}

/**
 * `after` (what one operation made of `before`) without the tiles its windows left: a tile
 * that held a tab in `before` and holds none in `after` (nor waits for a window) goes, unless
 * it is its workspace's only tile. Tiles that were empty before (the user's `tile split`)
 * stay. The focus, where the emptied tile had it, goes as i3 sends it: to the sibling that
 * takes the space, into the tile holding the window its workspace focused most recently
 * (see pruneTile). The same model when nothing goes or the placement keeps empty tiles.
 */
export function pruneEmptied(before: Model, after: Model): Model {
  if (!prunesEmptied(after) || before.workspaces === after.workspaces) return after;
  // Only workspaces the operation changed can hold an emptied tile.
  const now = new Set(after.workspaces);
  const held = heldTiles(before.workspaces.filter((w) => !now.has(w)));
  const old = new Set(before.workspaces);
  const master = after.placement === 'master';
  let changed = false;
  const workspaces = after.workspaces.map((ws) => {
    const w = old.has(ws) ? ws : withoutEmptied(ws, held, master);
    if (w !== ws) changed = true;
    return w;
  });
  return changed ? { ...after, workspaces } : after;
}

/** What a tile held before an operation: its tabs, and whether it had its workspace's focus. */
export type Held = ReadonlyMap<TileId, { readonly tabs: readonly WindowId[]; readonly focused: boolean }>;

/** The tiles of `workspaces` that hold a tab. */
export function heldTiles(workspaces: readonly Workspace[]): Held {
  const held = new Map<TileId, { tabs: readonly WindowId[]; focused: boolean }>();
  for (const ws of workspaces) {
    const focus = ws.focusFloating == null ? ws.focus : null;
    for (const t of tiles(ws.root)) if (t.tabs.length > 0) held.set(t.id, { tabs: t.tabs, focused: t.id === focus });
  }
  return held;
}

/** `ws` without its tiles that `held` says held tabs and that now hold none (nor wait for
 *  a window), its only tile excepted. */
export function withoutEmptied(ws: Workspace, held: Held, master: boolean): Workspace {
  let w = ws;
  for (const t of tiles(ws.root)) {
    const was = held.get(t.id);
    if (was === undefined || t.tabs.length > 0 || (t.waiting?.length ?? 0) > 0) continue;
    // The focus left with the tile's window, unless the operation sent it after that
    // window (a tab moved to another tile) or to a float.
    const f = workspaceFocus(w);
    const follow = w.focus === t.id || (was.focused && w.focusFloating == null && (f === null || !was.tabs.includes(f)));
    w = pruneTile(w, t.id, master, follow);
  }
  return w;
}

/**
 * Workspace `ws` without its empty tile `id` (the same workspace if that is its only tile).
 * The tile's siblings share its space in proportion (a split left with one child gives way
 * to it). Under master, an emptied master tile takes the first tile of the stack, so the
 * master area is never empty while the stack holds windows. When `refocus`, the focus goes
 * into the sibling that takes the space: to its tile holding the window the workspace
 * focused most recently (i3's focus stack), else to its nearest tile.
 */
export function pruneTile(ws: Workspace, id: TileId, master: boolean, refocus: boolean): Workspace {
  const path = pathTo(ws.root, id);
  if (path === null || path.length === 0) return ws;
  const stack = master ? masterStack(ws.root, id) : null;
  let root: Node;
  let fallback: TileId;
  let siblings: readonly Node[];
  if (stack !== null) {
    const [first, ...rest] = stack.children as readonly Tile[];
    const ratios = stack.ratios.slice(1);
    const sum = ratios.reduce((a, b) => a + b, 0);
    const remaining: Node = rest.length === 1 ? rest[0]! : { ...stack, children: rest, ratios: ratios.map((r) => r / sum) };
    const top = ws.root as Split;
    root = { ...top, children: [first!, remaining] };
    fallback = first!.id;
    siblings = [first!, remaining];
  } else {
    const removed = removeTileNode(ws.root, id);
    if (removed === null) return ws;
    root = removed.root;
    fallback = removed.recipient;
    const parent = path[path.length - 1]!;
    siblings = parent.split.children.filter((c) => c.id !== id);
  }
  const focus = refocus ? recentIn(ws, root, siblings, fallback) : ws.focus;
  return { ...ws, root, focus };
}

/** Under master: the stack (a column of tiles) when `id` is the master tile of a
 *  [master, stack] row; null for any other shape (a lone stack tile simply takes the space). */
function masterStack(root: Node, id: TileId): Split | null {
  if (root.kind !== 'split' || root.axis !== 'row' || root.children.length !== 2 || root.children[0]!.id !== id) return null;
  const stack = root.children[1]!;
  return stack.kind === 'split' && stack.axis === 'column' && stack.children.every((c) => c.kind === 'tile') ? stack : null;
}

/** The tile of `siblings` (as they are in `root`) holding the window the workspace focused
 *  most recently, else `fallback`. */
function recentIn(ws: Workspace, root: Node, siblings: readonly Node[], fallback: TileId): TileId {
  const inSiblings = new Set(siblings.flatMap((s) => tiles(s).map((t) => t.id)));
  const candidates = tiles(root).filter((t) => inSiblings.has(t.id));
  for (const h of ws.history ?? []) {
    const t = candidates.find((c) => c.tabs.includes(h));
    if (t !== undefined) return t.id;
  }
  return findTile(root, fallback) === null ? ws.focus : fallback;
}

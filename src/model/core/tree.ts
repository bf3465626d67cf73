// Pure operations on a tile tree (Node). Nothing here knows about workspaces,
// monitors or pixels; ratios are fractions of the parent split.
//
// Trees stay normalized: every split has >= 2 children, and no split has a child
// split with the same axis (splitNode inserts siblings, replaceFlattened flattens).
import type { Node, Split, Tile, TileId } from '../types.js';

/** Smallest ratio a child may ever get, whatever the caller's pixel minimum. */
export const MIN_RATIO = 1e-3;

/** Tiles in reading order: depth-first, left to right / top to bottom. */
export function tiles(node: Node): Tile[] {
  const out: Tile[] = [];
  // Indexed: Fion runs without the optimising compiler, where a for-of allocates at every step.
  const walk = (n: Node): void => {
    if (n.kind === 'tile') out.push(n);
    else for (let i = 0; i < n.children.length; i++) walk(n.children[i]!);
  };
  walk(node);
  return out;
}

export function firstTile(node: Node): Tile {
  let n = node;
  while (n.kind === 'split') n = n.children[0]!;
  return n;
}

export function lastTile(node: Node): Tile {
  let n = node;
  while (n.kind === 'split') n = n.children[n.children.length - 1]!;
  return n;
}

/** One ancestor on the way down: the split and which child we went into. */
export interface Step {
  readonly split: Split;
  readonly index: number;
}

/** Ancestors of the node with `id`, root first; [] if it is the root; null if absent. */
export function pathTo(root: Node, id: TileId): Step[] | null {
  if (root.id === id) return [];
  if (root.kind === 'tile') return null;
  for (let i = 0; i < root.children.length; i++) {
    const rest = pathTo(root.children[i]!, id);
    if (rest) return [{ split: root, index: i }, ...rest];
  }
  return null;
}

export function findTile(root: Node, id: TileId): Tile | null {
  if (root.kind === 'tile') return root.id === id ? root : null;
  for (const c of root.children) {
    const t = findTile(c, id);
    if (t) return t;
  }
  return null;
}

/** Rebuild the ancestors along `path` with `replacement` at its end. */
export function replaceAtPath(path: readonly Step[], replacement: Node): Node {
  let cur = replacement;
  for (let k = path.length - 1; k >= 0; k--) {
    const { split, index } = path[k]!;
    cur = { ...split, children: split.children.with(index, cur) };
  }
  return cur;
}

/** Apply `f` to the tile with `id` (unchanged tree if absent). */
export function mapTile(root: Node, id: TileId, f: (t: Tile) => Tile): Node {
  const path = pathTo(root, id);
  if (!path) return root;
  const tile = path.length === 0 ? root : path[path.length - 1]!.split.children[path[path.length - 1]!.index]!;
  if (tile.kind !== 'tile') return root;
  const next = f(tile);
  return next === tile ? root : replaceAtPath(path, next);
}

function normalized(ratios: readonly number[]): number[] {
  const sum = ratios.reduce((a, b) => a + b, 0);
  return ratios.map((r) => r / sum);
}

/** Fraction of the root's extent along `axis` that the node at the end of `path` gets. */
export function shareAlong(path: readonly Step[], axis: Split['axis']): number {
  let share = 1;
  for (const { split, index } of path) if (split.axis === axis) share *= split.ratios[index]!;
  return share;
}

/**
 * Put `fresh` next to (after) tile `id` along `axis`. Inside a split of that axis the new
 * tile becomes a sibling taking half of the tile's share; otherwise the tile is replaced
 * by a new two-child split with id `splitId`.
 */
export function splitNode(root: Node, id: TileId, axis: Split['axis'], fresh: Tile, splitId: TileId): Node {
  const path = pathTo(root, id);
  if (!path) return root;
  const parent = path[path.length - 1];
  if (parent && parent.split.axis === axis) {
    const { split, index } = parent;
    const half = split.ratios[index]! / 2;
    const grown: Split = {
      ...split,
      children: split.children.toSpliced(index + 1, 0, fresh),
      ratios: split.ratios.toSpliced(index, 1, half, half),
    };
    return replaceAtPath(path.slice(0, -1), grown);
  }
  const tile = parent ? parent.split.children[parent.index]! : root;
  const split: Split = { kind: 'split', id: splitId, axis, children: [tile, fresh], ratios: [0.5, 0.5] };
  return replaceAtPath(path, split);
}

/**
 * Remove tile `id`. Its tabs go to the nearest tile of the sibling that takes its place:
 * the next sibling (its first tile in reading order), or, if the tile was last, the
 * previous sibling (its last tile). Returns null if `id` is the root or absent.
 */
export function removeTileNode(root: Node, id: TileId): { root: Node; recipient: TileId } | null {
  const path = pathTo(root, id);
  if (!path || path.length === 0) return null;
  const { split, index } = path[path.length - 1]!;
  const killed = split.children[index]!;
  if (killed.kind !== 'tile') return null;
  const nextExists = index + 1 < split.children.length;
  const sibling = split.children[nextExists ? index + 1 : index - 1]!;
  const recipient = nextExists ? firstTile(sibling) : lastTile(sibling);
  const merged: Tile = {
    ...recipient,
    tabs: [...recipient.tabs, ...killed.tabs],
    recent: [...recipient.recent, ...killed.recent],
  };
  // Remaining siblings share the freed ratio in proportion to their own ratios.
  let shrunk: Split = {
    ...split,
    children: split.children.toSpliced(index, 1),
    ratios: normalized(split.ratios.toSpliced(index, 1)),
  };
  shrunk = mapTile(shrunk, recipient.id, () => merged) as Split;
  const above = path.slice(0, -1);
  const only = shrunk.children.length === 1 ? shrunk.children[0]! : null;
  return { root: only ? replaceFlattened(above, only) : replaceAtPath(above, shrunk), recipient: recipient.id };
}

/** Put `child` at the end of `above` (where a split or tile was); a split flattens into
 *  the split above it if both split along the same axis, so the tree stays normalized. */
export function replaceFlattened(above: readonly Step[], child: Node): Node {
  const gp = above[above.length - 1];
  if (gp && child.kind === 'split' && child.axis === gp.split.axis) {
    const r = gp.split.ratios[gp.index]!;
    const flat: Split = {
      ...gp.split,
      children: gp.split.children.toSpliced(gp.index, 1, ...child.children),
      ratios: gp.split.ratios.toSpliced(gp.index, 1, ...child.ratios.map((c) => c * r)),
    };
    return replaceAtPath(above.slice(0, -1), flat);
  }
  return replaceAtPath(above, child);
}

/** Smallest fraction of `node`'s extent along `axis` that one of its tiles gets. */
export function smallestTileShare(node: Node, axis: Split['axis']): number {
  if (node.kind === 'tile') return 1;
  let min = Infinity;
  node.children.forEach((c, i) => {
    const s = smallestTileShare(c, axis) * (node.axis === axis ? node.ratios[i]! : 1);
    if (s < min) min = s;
  });
  return min;
}

/**
 * Move one border of tile `id` along `axis`, towards the end (right/down) or the start
 * (left/up). The border moved is the tile's own border on that side if it has one
 * (the tile grows), else its border on the other side (the tile shrinks) — so the key
 * always moves a border in the direction pressed, as in herbstluftwm and i3.
 *
 * The child losing space keeps every one of its tiles at >= `minShare` of the root's
 * extent along `axis` (and every ratio >= MIN_RATIO): the step is cut short there.
 * `border` picks the border to move instead (none on that side: nothing moves).
 * Returns the root unchanged when nothing can move.
 */
export function moveBorder(
  root: Node,
  id: TileId,
  axis: Split['axis'],
  towardEnd: boolean,
  step: number | ((outerShare: number) => number),
  minShare: number,
  border?: 'start' | 'end',
): Node {
  const path = pathTo(root, id);
  if (!path) return root;
  const hasAfter = (s: Step): boolean => s.split.axis === axis && s.index < s.split.children.length - 1;
  const hasBefore = (s: Step): boolean => s.split.axis === axis && s.index > 0;
  const deepest = (p: (s: Step) => boolean): number => path.findLastIndex(p);

  // k: which ancestor; a: the border lies between children a and a+1.
  let k: number;
  let a: number;
  if (border !== undefined) {
    // That border only (i3's grow/shrink: the end border if the tile has one).
    k = deepest(border === 'end' ? hasAfter : hasBefore);
    if (k < 0) return root;
    a = border === 'end' ? path[k]!.index : path[k]!.index - 1;
  } else if (towardEnd) {
    k = deepest(hasAfter);
    if (k >= 0) a = path[k]!.index;
    else {
      k = deepest(hasBefore);
      if (k < 0) return root;
      a = path[k]!.index - 1;
    }
  } else {
    k = deepest(hasBefore);
    if (k >= 0) a = path[k]!.index - 1;
    else {
      k = deepest(hasAfter);
      if (k < 0) return root;
      a = path[k]!.index;
    }
  }
  const { split } = path[k]!;
  const loser = towardEnd ? a + 1 : a;
  const gainer = towardEnd ? a : a + 1;
  const outer = shareAlong(path.slice(0, k), axis);
  const loserNode = split.children[loser]!;
  const floor = Math.max(MIN_RATIO, minShare / (outer * smallestTileShare(loserNode, axis)));
  // A step given as a function is told the split's share of the root's extent (for pixels).
  const d = Math.min(typeof step === 'number' ? step : step(outer), split.ratios[loser]! - floor);
  if (!(d > 0)) return root;
  const ratios = split.ratios.with(loser, split.ratios[loser]! - d).with(gainer, split.ratios[gainer]! + d);
  return replaceAtPath(path.slice(0, k), { ...split, ratios });
}

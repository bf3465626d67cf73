// Pointer geometry, pure: where a dragged float goes, which corner or edge a resize pulls,
// and where the borders between tiles are (a tile border dragged by the mouse).
import { nodeRects } from './layout.js';
import { applySizeHints } from './sizehints.js';
import type { Node, Rect, SizeHints, TileId } from '../model/types.js';

/** Which sides a resize moves: -1 the left (top) side, 1 the right (bottom) side, 0 neither. */
export interface Edges {
  readonly x: -1 | 0 | 1;
  readonly y: -1 | 0 | 1;
}

/** The corner of `rect` nearest to the point: the one a resize from there pulls. */
export function nearestCorner(rect: Rect, px: number, py: number): Edges {
  return {
    x: px < rect.x + rect.width / 2 ? -1 : 1,
    y: py < rect.y + rect.height / 2 ? -1 : 1,
  };
}

/** `start` moved by the pointer's travel. */
export function movedRect(start: Rect, dx: number, dy: number): Rect {
  return { x: start.x + Math.round(dx), y: start.y + Math.round(dy), width: start.width, height: start.height };
}

/**
 * `start` resized by the pointer's travel on the sides `edges` names. The size is brought
 * to what the client's size hints allow (increments, min, max, aspect) and kept at least
 * 1x1; the opposite sides stay where they were, so a resize from the top-left corner keeps
 * the bottom-right one still.
 */
export function resizedRect(start: Rect, edges: Edges, dx: number, dy: number, hints?: SizeHints): Rect {
  const wantW = Math.max(1, start.width + edges.x * Math.round(dx));
  const wantH = Math.max(1, start.height + edges.y * Math.round(dy));
  const size = applySizeHints(wantW, wantH, hints, { respectMin: true });
  const width = edges.x === 0 ? start.width : Math.max(1, size.width);
  const height = edges.y === 0 ? start.height : Math.max(1, size.height);
  return {
    x: edges.x < 0 ? start.x + start.width - width : start.x,
    y: edges.y < 0 ? start.y + start.height - height : start.y,
    width,
    height,
  };
}

/** The border between children `index` and `index + 1` of split `split`. */
export interface Border {
  readonly split: TileId;
  readonly index: number;
  /** 'row': a vertical line at x = at; 'column': a horizontal line at y = at. */
  readonly axis: 'row' | 'column';
  readonly at: number;
  /** The split's rect: the border runs across it, and a drag measures against it. */
  readonly rect: Rect;
}

/** Every border between tiles of a tree laid out in `area`. */
export function borders(root: Node, area: Rect): Border[] {
  const rects = nodeRects(root, area);
  const out: Border[] = [];
  const walk = (node: Node): void => {
    if (node.kind !== 'split') return;
    const rect = rects.get(node.id)!;
    node.children.forEach((c, i) => {
      walk(c);
      const next = node.children[i + 1];
      if (next === undefined) return;
      const r = rects.get(next.id)!;
      out.push({ split: node.id, index: i, axis: node.axis, at: node.axis === 'row' ? r.x : r.y, rect });
    });
  };
  walk(root);
  return out;
}

/** The border within `slack` px of the point (the nearest, the innermost on a tie), or null. */
export function borderAt(list: readonly Border[], px: number, py: number, slack: number): Border | null {
  let best: Border | null = null;
  let bestDist = Infinity;
  for (const b of list) {
    const along = b.axis === 'row' ? py : px;
    const lo = b.axis === 'row' ? b.rect.y : b.rect.x;
    const len = b.axis === 'row' ? b.rect.height : b.rect.width;
    if (along < lo || along >= lo + len) continue;
    const dist = Math.abs((b.axis === 'row' ? px : py) - b.at);
    if (dist <= slack && dist <= bestDist) {
      best = b;
      bestDist = dist;
    }
  }
  return best;
}

/** Where the pointer puts a border, as a fraction of its split (0 at its left/top). */
export function borderFraction(b: Border, px: number, py: number): number {
  const len = b.axis === 'row' ? b.rect.width : b.rect.height;
  const off = b.axis === 'row' ? px - b.rect.x : py - b.rect.y;
  return len <= 0 ? 0.5 : off / len;
}

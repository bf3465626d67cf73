// Integer rectangle arithmetic for the layout.
import type { Rect } from '../model/types.js';

/**
 * Split `total` pixels into one integer size per weight, summing exactly to `total`.
 * Edges are placed by cumulative rounding (so errors never pile up in one child), then
 * nudged so that every part gets at least 1 px whenever total >= parts. With fewer
 * pixels than parts some sizes are 0; callers clamp those.
 */
export function distribute(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes: number[] = [];
  let acc = 0;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    acc += weights[i]!;
    let edge = i === n - 1 ? total : Math.round((total * acc) / sum);
    edge = Math.min(Math.max(edge, prev + 1), total - (n - 1 - i));
    edge = Math.max(edge, prev);
    sizes.push(edge - prev);
    prev = edge;
  }
  return sizes;
}

/** Cut `rect` along an axis: 'row' into columns left to right, 'column' into rows top to
 *  bottom. Parts exactly cover `rect` (each at least 1 px when there is room). */
export function splitRect(rect: Rect, axis: 'row' | 'column', weights: readonly number[]): Rect[] {
  const horizontal = axis === 'row';
  const sizes = distribute(horizontal ? rect.width : rect.height, weights);
  let offset = 0;
  return sizes.map((size) => {
    const at = offset;
    offset += size;
    const s = Math.max(1, size);
    return horizontal
      ? { x: rect.x + Math.min(at, rect.width - 1), y: rect.y, width: s, height: rect.height }
      : { x: rect.x, y: rect.y + Math.min(at, rect.height - 1), width: rect.width, height: s };
  });
}

/** Split off the top `height` pixels: [top, rest]. Clamped so both are at least 1 px high
 *  when `rect` is at least 2 px high; `rest` is never below 1 px. */
export function cutTop(rect: Rect, height: number): [Rect, Rect] {
  const h = Math.max(0, Math.min(height, rect.height - 1));
  return [
    { x: rect.x, y: rect.y, width: rect.width, height: h },
    { x: rect.x, y: rect.y + h, width: rect.width, height: Math.max(1, rect.height - h) },
  ];
}

export function area(r: Rect): number {
  return r.width * r.height;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/** Two insets along one axis of `size` px, shrunk in proportion so at least 1 px is left. */
function clampInsets(size: number, a: number, b: number): [number, number] {
  const room = Math.max(0, size - 1);
  if (a + b <= room) return [a, b];
  const a2 = Math.floor((room * a) / (a + b));
  return [a2, room - a2];
}

/** `rect` less `top`, `right`, `bottom`, `left` pixels at its sides, never below 1x1
 *  (insets too large for it shrink in proportion). */
export function inset(rect: Rect, top: number, right: number, bottom: number, left: number): Rect {
  const [l, r] = clampInsets(rect.width, Math.max(0, left), Math.max(0, right));
  const [t, b] = clampInsets(rect.height, Math.max(0, top), Math.max(0, bottom));
  return { x: rect.x + l, y: rect.y + t, width: Math.max(1, rect.width - l - r), height: Math.max(1, rect.height - t - b) };
}

/**
 * A tile's cell less its gaps. Cells exactly cover `area`, so each edge of a cell is either
 * on the area's edge (`outer` px come off) or shared with a neighbour: there the left/top
 * cell gives up ceil(inner/2) and the right/bottom one floor(inner/2), so exactly `inner` px
 * lie between neighbours whenever the cells have room for them.
 */
export function gapRect(cell: Rect, area: Rect, inner: number, outer: number): Rect {
  const lo = Math.floor(inner / 2);
  const hi = inner - lo;
  return inset(
    cell,
    cell.y <= area.y ? outer : lo,
    cell.x + cell.width >= area.x + area.width ? outer : hi,
    cell.y + cell.height >= area.y + area.height ? outer : hi,
    cell.x <= area.x ? outer : lo,
  );
}

/** A border `width` px wide inside `rect`: its four sides (top, bottom, left, right; none
 *  for width 0) and what is inside them. A rect too thin for the border keeps at least 1 px
 *  inside: the border gets thinner. Sides and inside never overlap and cover `rect`. */
export function borderParts(rect: Rect, width: number): { inside: Rect; sides: Rect[] } {
  const t = Math.max(0, Math.min(width, Math.floor((rect.height - 1) / 2)));
  const s = Math.max(0, Math.min(width, Math.floor((rect.width - 1) / 2)));
  const inside = { x: rect.x + s, y: rect.y + t, width: rect.width - 2 * s, height: rect.height - 2 * t };
  const sides: Rect[] = [];
  if (t > 0) {
    sides.push({ x: rect.x, y: rect.y, width: rect.width, height: t });
    sides.push({ x: rect.x, y: rect.y + rect.height - t, width: rect.width, height: t });
  }
  if (s > 0) {
    sides.push({ x: rect.x, y: inside.y, width: s, height: inside.height });
    sides.push({ x: rect.x + rect.width - s, y: inside.y, width: s, height: inside.height });
  }
  return { inside, sides };
}

// Comparing strips: whether a strip paints what it painted before, and which of its cells
// changed, so a clock tick repaints one cell, not a bar.
import type { Rect } from '../model/types.js';
import type { Strip } from './scene.js';
import type { IconRef } from './paint.js';

type StripCell = Strip['cells'][number];

export const sameRect = (a: Rect, b: Rect): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** Whether two cells draw the same (their fields are primitives, or a target or an icon
 *  whose fields are; an absent field and an undefined one are the same). Compared field by field: a tick
 *  allocates nothing for it. */
function sameCell(a: StripCell, b: StripCell): boolean {
  if (a === b) return true;
  for (const k in a) if (k !== 'target' && k !== 'icon' && a[k as keyof StripCell] !== b[k as keyof StripCell]) return false;
  for (const k in b) if (k !== 'target' && k !== 'icon' && !(k in a) && b[k as keyof StripCell] !== undefined) return false;
  return sameIcon(a.icon, b.icon);
}

const sameIcon = (a: IconRef | undefined, b: IconRef | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.window === b.window && a.serial === b.serial && a.x === b.x && a.y === b.y && a.size === b.size);

/** Whether `b` paints exactly what `a` painted (same size, background and cells). */
export function samePixels(a: Strip, b: Strip): boolean {
  if (a === b) return true;
  if (a.bg !== b.bg || a.scale !== b.scale || a.rect.width !== b.rect.width || a.rect.height !== b.rect.height || a.cells.length !== b.cells.length) return false;
  for (let i = 0; i < a.cells.length; i++) if (!sameCell(a.cells[i]!, b.cells[i]!)) return false;
  return true;
}

/** The cells of `b` that differ from `a`'s, when only their contents changed (same strip
 *  size and background, same cell boxes); null when the whole strip must be painted. */
export function changedCells(a: Strip, b: Strip): Strip['cells'] | null {
  if (a.bg !== b.bg || a.scale !== b.scale || !sameRect(a.rect, b.rect) || a.cells.length !== b.cells.length) return null;
  const out: StripCell[] = [];
  for (let i = 0; i < b.cells.length; i++) {
    const x = a.cells[i]!;
    const y = b.cells[i]!;
    if (x.x !== y.x || x.width !== y.width) return null;
    if (!sameCell(x, y)) out.push(y);
  }
  return out.length * 2 > b.cells.length ? null : out;
}

// From what the X server reports (per X screen) to the model's monitor list. Pure.
import type { MonitorInfo, Rect } from '../model/index.js';

export interface NamedRect { readonly name: string; readonly rect: Rect; readonly edid?: string }

const area = (r: Rect): number => r.width * r.height;
const contains = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/**
 * Cloned and nested outputs count as one monitor: a rect equal to or inside another is
 * dropped in favour of the larger (the first of equal ones). Empty rects are dropped.
 * Survivors keep their names and their order.
 */
export function dedupeMonitors<T extends NamedRect>(monitors: readonly T[]): T[] {
  const valid = monitors.filter((m) => m.rect.width > 0 && m.rect.height > 0);
  const bySize = valid.map((m, i) => ({ m, i })).sort((a, b) => area(b.m.rect) - area(a.m.rect) || a.i - b.i);
  const kept: { m: T; i: number }[] = [];
  for (const c of bySize) if (!kept.some((k) => contains(k.m.rect, c.m.rect))) kept.push(c);
  return kept.sort((a, b) => a.i - b.i).map((k) => k.m);
}

/** The part of `r` inside `bounds`, or null if none. */
export function clipRect(r: Rect, bounds: Rect): Rect | null {
  const x = Math.max(r.x, bounds.x);
  const y = Math.max(r.y, bounds.y);
  const right = Math.min(r.x + r.width, bounds.x + bounds.width);
  const bottom = Math.min(r.y + r.height, bounds.y + bounds.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/**
 * The model's monitors from each X screen's monitors (index = screen number): clipped to
 * the screen's root, deduplicated, ordered left to right (then top to bottom) within a
 * screen, screens in order. A screen with nothing usable gets one monitor covering its
 * root. Names are made unique (the model tells monitors apart by name).
 */
export function monitorInfos(screens: readonly { readonly monitors: readonly NamedRect[]; readonly root: Rect }[]): MonitorInfo[] {
  const out: MonitorInfo[] = [];
  const used = new Set<string>();
  const unique = (name: string, screen: number): string => {
    const base = name === '' ? `screen${screen}` : name;
    let n = used.has(base) && screen > 0 ? `${base}-${screen}` : base;
    for (let k = 2; used.has(n); k++) n = `${base}-${k}`;
    used.add(n);
    return n;
  };
  screens.forEach((s, screen) => {
    const clipped = s.monitors.flatMap((m) => {
      const rect = clipRect(m.rect, s.root);
      return rect === null ? [] : [{ name: m.name, rect, ...(m.edid === undefined ? {} : { edid: m.edid }) }];
    });
    const ms = dedupeMonitors(clipped).sort((a, b) => a.rect.x - b.rect.x || a.rect.y - b.rect.y);
    if (ms.length === 0) ms.push({ name: `screen${screen}`, rect: s.root });
    for (const m of ms) out.push({ name: unique(m.name, screen), screen, rect: m.rect, ...(m.edid === undefined ? {} : { edid: m.edid }) });
  });
  return out;
}

/** Whether two monitor lists are the same (names, screens, rects, EDIDs, order). */
export function sameMonitors(a: readonly MonitorInfo[], b: readonly MonitorInfo[]): boolean {
  return a.length === b.length && a.every((m, i) => {
    const n = b[i]!;
    return m.name === n.name && m.screen === n.screen && m.edid === n.edid && m.rect.x === n.rect.x && m.rect.y === n.rect.y
      && m.rect.width === n.rect.width && m.rect.height === n.rect.height;
  });
}

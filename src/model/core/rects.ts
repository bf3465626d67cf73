// Pixel rules the model and the layout must agree on: how much of a monitor docks may
// take, and how far a pinned float may go off its monitor.
import type { Insets, Monitor, Rect } from '../types.js';

export const NO_INSETS: Insets = { top: 0, bottom: 0, left: 0, right: 0 };
/** Docks may take at most this share of a monitor's width (left + right) and height
 *  (top + bottom): a rogue strut can't squeeze the tiles to nothing. */
export const MAX_RESERVED_SHARE = 0.5;

/** Insets made sane for `rect`: whole non-negative pixels (NaN -> 0), left + right at most
 *  MAX_RESERVED_SHARE of the width and top + bottom of the height (cut proportionally). */
export function clampInsets(rect: Rect, insets: Insets): Insets {
  const px = (v: number): number => (Number.isFinite(v) ? Math.max(0, Math.round(v)) : v === Infinity ? Number.MAX_SAFE_INTEGER : 0);
  const fit = (a: number, b: number, extent: number): [number, number] => {
    const max = Math.max(0, Math.floor(extent * MAX_RESERVED_SHARE));
    if (a + b <= max) return [a, b];
    const fa = Math.floor((a / (a + b)) * max);
    return [fa, Math.min(b, max - fa)];
  };
  const [left, right] = fit(px(insets.left), px(insets.right), rect.width);
  const [top, bottom] = fit(px(insets.top), px(insets.bottom), rect.height);
  return { top, bottom, left, right };
}

/** The monitor's rect minus its (clamped) reserved edges: where the bar and tiles go. */
export function usableRect(monitor: Monitor): Rect {
  const r = monitor.rect;
  if (!monitor.reserved) return r;
  const i = clampInsets(r, monitor.reserved);
  return { x: r.x + i.left, y: r.y + i.top, width: r.width - i.left - i.right, height: r.height - i.top - i.bottom };
}

/** Size of a float that asked for none. */
export const DEFAULT_FLOAT_SIZE = { width: 400, height: 300 } as const;
/** A float always keeps at least this many pixels (or its whole size, if smaller) of
 *  each dimension on its monitor, so it can't be lost off-screen. */
export const FLOAT_MIN_VISIBLE = 32;

/** `v` within lo..hi (hi wins if lo > hi). */
export const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), hi);

/**
 * A pinned float's rect moved (never resized) so that FLOAT_MIN_VISIBLE px, or all of it
 * if smaller, of each dimension lies on `monitor`. The model stores pins relative to the
 * monitor (pass a monitor rect at 0,0); the layout places them absolutely.
 */
export function keepOnMonitor(r: Rect, monitor: Rect): Rect {
  const visW = Math.min(r.width, FLOAT_MIN_VISIBLE);
  const visH = Math.min(r.height, FLOAT_MIN_VISIBLE);
  return {
    x: clamp(r.x, monitor.x + visW - r.width, monitor.x + monitor.width - visW),
    y: clamp(r.y, monitor.y + visH - r.height, monitor.y + monitor.height - visH),
    width: r.width,
    height: r.height,
  };
}

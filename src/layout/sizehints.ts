// WM_NORMAL_HINTS applied to a size (ICCCM 4.1.2.3). Pure integer arithmetic.
import type { SizeHints } from '../model/types.js';

/** A positive finite number, else undefined (absent or bogus hints impose nothing). */
const positive = (v: number | undefined): number | undefined => (v !== undefined && Number.isFinite(v) && v > 0 ? v : undefined);
/** A non-negative finite number, else undefined. */
const natural = (v: number | undefined): number | undefined => (v !== undefined && Number.isFinite(v) && v >= 0 ? v : undefined);
const increment = (v: number | undefined): number | undefined => (v !== undefined && Number.isFinite(v) && v >= 1 ? v : undefined);
const ratio = (r: readonly [number, number] | undefined): readonly [number, number] | undefined =>
  r && positive(r[0]) !== undefined && positive(r[1]) !== undefined ? r : undefined;

export interface SizeHintOptions {
  /** Grow to the min size (floats). Tiles pass true too and then cap at the tile. */
  readonly respectMin: boolean;
}

/**
 * The largest size not above (`width`, `height`) that the hints allow, in this order:
 *  1. max size caps each dimension;
 *  2. aspect: (width - baseWidth) / (height - baseHeight) is brought into
 *     [minAspect, maxAspect] by shrinking the dimension that is too long (the base is
 *     subtracted only when given: the min size is not used in its place, as ICCCM says);
 *  3. increments: each dimension becomes base + i * inc (largest i that fits), where base
 *     is baseWidth/baseHeight, falling back to minWidth/minHeight, else 0;
 *  4. with `respectMin`, each dimension grows to the min size (minWidth, falling back to
 *     baseWidth), which wins over everything above — bogus hints (min > max) end at min.
 * The result is whole pixels, at least 1x1. Absent, zero, negative or non-finite hint
 * values are ignored (a zero base is a real base), as are increments below 1 px and an
 * aspect range with min > max.
 */
export function applySizeHints(
  width: number,
  height: number,
  hints: SizeHints | undefined,
  opts: SizeHintOptions,
): { width: number; height: number } {
  let w = Number.isFinite(width) ? Math.floor(width) : 1;
  let h = Number.isFinite(height) ? Math.floor(height) : 1;
  if (hints) {
    const baseW = natural(hints.baseWidth);
    const baseH = natural(hints.baseHeight);
    const minW = positive(hints.minWidth) ?? baseW ?? 0;
    const minH = positive(hints.minHeight) ?? baseH ?? 0;

    // 1. max size
    w = Math.min(w, positive(hints.maxWidth) ?? Infinity);
    h = Math.min(h, positive(hints.maxHeight) ?? Infinity);

    // 2. aspect, on the size minus the base (when given)
    let lo = ratio(hints.minAspect);
    let hi = ratio(hints.maxAspect);
    if (lo && hi && lo[0] * hi[1] > hi[0] * lo[1]) lo = hi = undefined;
    const aw = baseW ?? 0;
    const ah = baseH ?? 0;
    let dw = w - aw;
    let dh = h - ah;
    if (dw > 0 && dh > 0) {
      // Too tall: dw/dh < lo  <=>  dw * lo.den < lo.num * dh. Shrink the height.
      // (Clamped: extreme ratios must not overflow into growing.)
      if (lo && dw * lo[1] < lo[0] * dh) dh = Math.min(dh, Math.max(1, Math.floor((dw * lo[1]) / lo[0])));
      // Too wide: dw/dh > hi. Shrink the width.
      if (hi && dw * hi[1] > hi[0] * dh) dw = Math.min(dw, Math.max(1, Math.floor((dh * hi[0]) / hi[1])));
      w = aw + dw;
      h = ah + dh;
    }

    // 3. increments from the base (falling back to the min size)
    // Sub-pixel increments mean nothing (and 1/tiny overflows): at least 1 px.
    const incW = increment(hints.widthInc);
    const incH = increment(hints.heightInc);
    const ibW = baseW ?? positive(hints.minWidth) ?? 0;
    const ibH = baseH ?? positive(hints.minHeight) ?? 0;
    if (incW !== undefined && w > ibW) w = ibW + Math.floor((w - ibW) / incW) * incW;
    if (incH !== undefined && h > ibH) h = ibH + Math.floor((h - ibH) / incH) * incH;

    // 4. min size
    if (opts.respectMin) {
      w = Math.max(w, minW);
      h = Math.max(h, minH);
    }
  }
  return { width: Math.max(1, Math.floor(w)), height: Math.max(1, Math.floor(h)) };
}

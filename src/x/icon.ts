// _NET_WM_ICON (EWMH): CARDINAL[] of images, each width, height, then width*height ARGB
// pixels (one 32-bit cardinal each, alpha in the top byte, not premultiplied). Clients write
// what they like: a wrong type or format, sizes that overrun the data, zero sizes and
// absurd sizes are all met in the wild; what cannot be read is left out, never thrown.
import type { Property } from './port.js';

export interface IconImage {
  readonly width: number;
  readonly height: number;
  /** width * height pixels, row by row: 0xAARRGGBB. */
  readonly argb: Uint32Array;
}

/** Larger icons are skipped: a tab shows a few dozen pixels, and 512x512 is 1 MiB. */
export const MAX_ICON_SIDE = 512;
/** At most this many images are kept of one property (clients ship 3 to 8 sizes). */
const MAX_IMAGES = 16;

/** The images of a _NET_WM_ICON property (CARDINAL, format 32); [] when it is none or garbage.
 *  A truncated image at the end (the property was cut, or lies about a size) is dropped. */
export function decodeIcons(p: Property | null, cardinal: number): IconImage[] {
  if (p === null || p.format !== 32 || p.type !== cardinal) return [];
  const words = Math.floor(p.data.length / 4);
  const out: IconImage[] = [];
  let i = 0;
  while (i + 2 <= words && out.length < MAX_IMAGES) {
    const width = p.data.readUInt32LE(i * 4);
    const height = p.data.readUInt32LE(i * 4 + 4);
    i += 2;
    if (width === 0 || height === 0) continue; // nothing to show; the next image may be fine
    const n = width * height;
    if (n > words - i) break; // runs past the end: cut short, and nothing after it can be trusted
    if (width <= MAX_ICON_SIDE && height <= MAX_ICON_SIDE) {
      const argb = new Uint32Array(n);
      for (let k = 0; k < n; k++) argb[k] = p.data.readUInt32LE((i + k) * 4);
      out.push({ width, height, argb });
    }
    i += n;
  }
  return out;
}

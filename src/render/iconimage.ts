// Window icons for the tabs, as pure pixel work: pick the image nearest the size a tab shows,
// scale it to a square, and blend its alpha over the tab's background (core X pixmaps have
// no alpha, so the icon is flattened onto the colour it is shown on).
import type { IconImage } from '../x/icon.js';

/** The image best suited to a `size`x`size` square: the smallest at least that large
 *  (scaled down, which keeps detail), else the largest (scaled up). Null for none. */
export function pickIcon(images: readonly IconImage[], size: number): IconImage | null {
  let best: IconImage | null = null;
  const side = (i: IconImage): number => Math.max(i.width, i.height);
  for (const img of images) {
    if (best === null) { best = img; continue; }
    const a = side(img);
    const b = side(best);
    if (b >= size ? a >= size && a < b : a > b) best = img;
  }
  return best;
}

/**
 * `img` scaled into a `size`x`size` square, its aspect kept and centred (transparent around).
 * Each output pixel averages the source pixels under it (weighted by alpha, so transparent
 * pixels lend no colour): smooth when shrinking, blocky but exact when growing.
 */
export function scaleIcon(img: IconImage, size: number): IconImage {
  const s = Math.max(1, Math.floor(size));
  const out = new Uint32Array(s * s);
  const f = Math.min(s / img.width, s / img.height);
  const w = Math.max(1, Math.round(img.width * f));
  const h = Math.max(1, Math.round(img.height * f));
  const ox = Math.floor((s - w) / 2);
  const oy = Math.floor((s - h) / 2);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * img.height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * img.height) / h));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor((x * img.width) / w);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * img.width) / w));
      let a = 0, r = 0, g = 0, b = 0, n = 0;
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const p = img.argb[sy * img.width + sx] ?? 0;
          const pa = p >>> 24;
          a += pa;
          r += ((p >>> 16) & 0xff) * pa;
          g += ((p >>> 8) & 0xff) * pa;
          b += (p & 0xff) * pa;
          n++;
        }
      }
      const px = a === 0 ? 0 : ((Math.round(a / n) << 24) | (Math.round(r / a) << 16) | (Math.round(g / a) << 8) | Math.round(b / a)) >>> 0;
      out[(oy + y) * s + ox + x] = px;
    }
  }
  return { width: s, height: s, argb: out };
}

/** Each pixel of `img` over the opaque colour `bg` (0xRRGGBB): 0xRRGGBB pixels. */
export function blendOver(img: IconImage, bg: number): Uint32Array {
  const out = new Uint32Array(img.argb.length);
  const br = (bg >>> 16) & 0xff, bgG = (bg >>> 8) & 0xff, bb = bg & 0xff;
  for (let i = 0; i < img.argb.length; i++) {
    const p = img.argb[i]!;
    const a = p >>> 24;
    const mix = (c: number, under: number): number => Math.round((c * a + under * (255 - a)) / 255);
    out[i] = ((mix((p >>> 16) & 0xff, br) << 16) | (mix((p >>> 8) & 0xff, bgG) << 8) | mix(p & 0xff, bb)) >>> 0;
  }
  return out;
}

// Font faces rasterised by FreeType (@julusian/freetype2: FreeType 2.11 with prebuilt
// binaries in the npm package, the rasteriser Xft itself uses): hinted, anti-aliased
// glyph bitmaps, and advances, glyph by glyph on demand. The native module is loaded
// lazily: from the npm package (a checkout, an npm install), else from freetype2.node
// beside the bundle (the .deb puts the build machine's prebuild there). It may be missing
// (another architecture): then Fion draws with core fonts.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as FT from '@julusian/freetype2';
import type { GlyphImage } from '../x/render.js';
import type { FontFile } from './fontconfig.js';

type FreeType = typeof FT;
let freetype: FreeType | null | undefined;

/** Where FreeType was loaded from (the log says it), once loadFreeType found it. */
export let freeTypeFrom: string | null = null;

/** FreeType, or null when its module cannot be loaded here. */
export function loadFreeType(): FreeType | null {
  if (freetype !== undefined) return freetype;
  freetype = null;
  const require = createRequire(import.meta.url);
  // The package's own loader (which picks the prebuild for this platform) first.
  for (const from of ['@julusian/freetype2', fileURLToPath(new URL('freetype2.node', import.meta.url))]) {
    try {
      freetype = require(from) as FreeType;
      freeTypeFrom = from.startsWith('/') ? from : require.resolve(from);
      break;
    } catch { /* the next place */ }
  }
  return freetype;
}

/** A glyph as drawn: its image (without an id yet) and how far it moves the pen. */
export type Raster = Omit<GlyphImage, 'id'>;

/** One face at one size. */
export class Face {
  readonly ascent: number;
  readonly descent: number;
  private readonly advances = new Map<number, number | null>();

  private constructor(private readonly ft: FreeType, private readonly face: FT.FontFace, readonly file: FontFile, readonly pixels: number) {
    const size = face.properties().size;
    this.ascent = Math.round(size.ascender / 64);
    this.descent = Math.round(-size.descender / 64);
  }

  /** `file` at `pixels` per em, or null when FreeType cannot read it. */
  static open(file: FontFile, pixels: number): Face | null {
    const ft = loadFreeType();
    if (ft === null) return null;
    try {
      const face = ft.NewFace(file.file, file.index);
      // FreeType's char size is in whole points (this binding): points x dpi at 1 dpi gives
      // the pixel size to 1/72 of a pixel.
      face.setCharSize(0, Math.max(1, Math.round(pixels * 72)), 1, 1);
      return new Face(ft, face, file, pixels);
    } catch {
      return null;
    }
  }

  /** The face's glyph index of a code point, 0 when it has none. */
  index(cp: number): number {
    try { return this.face.getCharIndex(cp) ?? 0; } catch { return 0; }
  }

  /** The hinted advance of a code point in whole pixels; null when the face lacks it. */
  advance(cp: number): number | null {
    const known = this.advances.get(cp);
    if (known !== undefined) return known;
    const gi = this.index(cp);
    let w: number | null = null;
    if (gi !== 0) {
      try { w = Math.round(this.face.loadGlyph(gi, {}).metrics.horiAdvance / 64); } catch { w = null; }
    }
    if (this.advances.size < 65536) this.advances.set(cp, w);
    return w;
  }

  /** Glyph `gi` rasterised: A8 coverage (grey bitmaps; a mono or colour bitmap is converted or dropped). */
  raster(gi: number): Raster | null {
    try {
      const g = this.face.loadGlyph(gi, { render: true, loadTarget: this.ft.RenderMode.NORMAL });
      const advance = Math.round(g.metrics.horiAdvance / 64);
      const bm = g.bitmap;
      if (bm === null || bm.width === 0 || bm.height === 0) {
        return { width: 0, height: 0, left: 0, top: 0, advance, image: Buffer.alloc(0) };
      }
      const image = Buffer.alloc(bm.width * bm.height);
      for (let y = 0; y < bm.height; y++) {
        for (let x = 0; x < bm.width; x++) {
          image[y * bm.width + x] = bm.pixelMode === this.ft.PixelMode.MONO
            ? ((bm.buffer[y * bm.pitch + (x >> 3)]! >> (7 - (x & 7))) & 1) * 255
            : bm.pixelMode === this.ft.PixelMode.GRAY ? bm.buffer[y * bm.pitch + x]! : 0;
        }
      }
      return { width: bm.width, height: bm.height, left: g.bitmapLeft ?? 0, top: g.bitmapTop ?? 0, advance, image };
    } catch {
      return null;
    }
  }
}

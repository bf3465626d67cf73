// The X RENDER extension as anti-aliased text needs it, the way Xft draws: glyph images
// (A8 coverage) uploaded once into a glyph set, strings composited by the server with a
// solid-colour source. node-x11 has the requests, but its AddGlyphs changes the glyphs it
// is given and its CompositeGlyphs takes 16-bit strings; these two are encoded here
// (pure, unit-tested) and the rest (pictures, fills, glyph sets) taken from node-x11.
import type { XExtension } from 'x11';
import type { XConnection } from './connection.js';

/** One glyph image: A8 coverage, `width` bytes a row; the origin is (left, top) from its top-left. */
export interface GlyphImage {
  readonly id: number;
  readonly width: number;
  readonly height: number;
  /** Pixels from the pen position to the image's left edge (FreeType's bitmap_left). */
  readonly left: number;
  /** Pixels from the baseline up to the image's top edge (FreeType's bitmap_top). */
  readonly top: number;
  /** How far the pen moves after the glyph. */
  readonly advance: number;
  readonly image: Buffer;
}

/** Glyphs placed on one line: each id at pixel x (baseline y), in drawing order. */
export interface PlacedGlyph { readonly id: number; readonly x: number; readonly advance: number }

const PictOpOver = 3;
const MINOR_ADD_GLYPHS = 20;
const MINOR_COMPOSITE_GLYPHS32 = 25;
/** Requests stay under the core protocol's limit (no BIG-REQUESTS needed): 256 KiB. */
export const MAX_REQUEST_BYTES = 65535 * 4;

const pad4 = (n: number): number => (n + 3) & ~3;

/** AddGlyphs requests for `glyphs` (rows padded to 4 bytes), split to keep each under the size limit. */
export function encodeAddGlyphs(major: number, glyphSet: number, glyphs: readonly GlyphImage[]): Buffer[] {
  const out: Buffer[] = [];
  let batch: GlyphImage[] = [];
  let size = 12;
  const flush = (): void => {
    if (batch.length === 0) return;
    const n = batch.length;
    const b = Buffer.alloc(size);
    b.writeUInt8(major, 0);
    b.writeUInt8(MINOR_ADD_GLYPHS, 1);
    b.writeUInt16LE(size / 4, 2);
    b.writeUInt32LE(glyphSet >>> 0, 4);
    b.writeUInt32LE(n, 8);
    let off = 12 + n * 16;
    batch.forEach((g, i) => {
      b.writeUInt32LE(g.id >>> 0, 12 + i * 4);
      const m = 12 + n * 4 + i * 12;
      b.writeUInt16LE(g.width, m);
      b.writeUInt16LE(g.height, m + 2);
      b.writeInt16LE(-g.left, m + 4);
      b.writeInt16LE(g.top, m + 6);
      b.writeInt16LE(g.advance, m + 8);
      b.writeInt16LE(0, m + 10);
      const stride = pad4(g.width);
      for (let y = 0; y < g.height; y++) g.image.copy(b, off + y * stride, y * g.width, (y + 1) * g.width);
      off += stride * g.height;
    });
    out.push(b);
    batch = [];
    size = 12;
  };
  for (const g of glyphs) {
    const bytes = 16 + pad4(g.width) * g.height;
    if (12 + bytes > MAX_REQUEST_BYTES) continue; // a glyph too large to send (a huge size): not drawn
    if (size + bytes > MAX_REQUEST_BYTES) flush();
    batch.push(g);
    size += bytes;
  }
  flush();
  return out;
}

/**
 * CompositeGlyphs32 requests drawing `glyphs` at baseline `y`. A glyph goes on in the same
 * element while it sits where the one before left the pen; else (a combining mark drawn
 * over its base) a new element moves the pen. Elements hold at most 254 glyphs.
 */
export function encodeCompositeGlyphs(major: number, src: number, dst: number, maskFormat: number, glyphSet: number,
  y: number, glyphs: readonly PlacedGlyph[]): Buffer[] {
  const elements: { dx: number; dy: number; ids: number[] }[] = [];
  let penX = 0;
  let penY = 0;
  let cur: { dx: number; dy: number; ids: number[] } | null = null;
  for (const g of glyphs) {
    if (cur === null || g.x !== penX || cur.ids.length >= 254) {
      cur = { dx: g.x - penX, dy: y - penY, ids: [] };
      elements.push(cur);
      penY = y;
    }
    cur.ids.push(g.id);
    penX = g.x + g.advance;
  }
  // One request; a string too long for it (256 KiB: thousands of glyphs) is cut short.
  let size = 28;
  let end = 0;
  while (end < elements.length && size + 8 + elements[end]!.ids.length * 4 <= MAX_REQUEST_BYTES) size += 8 + elements[end++]!.ids.length * 4;
  if (end === 0) return [];
  const b = Buffer.alloc(size);
  b.writeUInt8(major, 0);
  b.writeUInt8(MINOR_COMPOSITE_GLYPHS32, 1);
  b.writeUInt16LE(size / 4, 2);
  b.writeUInt8(PictOpOver, 4);
  b.writeUInt32LE(src >>> 0, 8);
  b.writeUInt32LE(dst >>> 0, 12);
  b.writeUInt32LE(maskFormat >>> 0, 16);
  b.writeUInt32LE(glyphSet >>> 0, 20);
  let off = 28;
  for (let i = 0; i < end; i++) {
    const e = elements[i]!;
    b.writeUInt8(e.ids.length, off);
    b.writeInt16LE(e.dx, off + 4);
    b.writeInt16LE(e.dy, off + 6);
    e.ids.forEach((id, k) => b.writeUInt32LE(id >>> 0, off + 8 + k * 4));
    off += 8 + e.ids.length * 4;
  }
  return [b];
}

type Ext = XExtension & {
  a8?: number;
  findVisualFormat(visual: number): number | undefined;
  CreatePicture(pid: number, drawable: number, format: number, values?: Record<string, number>): void;
  FreePicture(pid: number): void;
  CreateSolidFill(pid: number, r: number, g: number, b: number, a: number): void;
  CreateGlyphSet(gsid: number, format: number): void;
  FreeGlyphSet(gsid: number): void;
};

/** What anti-aliased text needs of RENDER on one connection. */
export class XRender {
  private constructor(private readonly x: XConnection, private readonly ext: Ext, readonly a8: number) {}

  /** RENDER on `x`, or null when the server has none (or no A8 format). */
  static async open(x: XConnection): Promise<XRender | null> {
    const ext = (await x.extension('render')) as Ext | null;
    if (ext === null || typeof ext.a8 !== 'number' || typeof ext.findVisualFormat !== 'function') return null;
    return new XRender(x, ext, ext.a8);
  }

  /** The picture format of a visual (the screens' pixmaps), or null when RENDER has none. */
  formatOf(visual: number): number | null { return this.ext.findVisualFormat(visual) ?? null; }
  createPicture(drawable: number, format: number): number {
    const pid = this.x.allocId();
    this.x.sendRaw(() => this.ext.CreatePicture(pid, drawable, format, {}));
    return pid;
  }
  freePicture(pid: number): void { this.x.sendRaw(() => this.ext.FreePicture(pid)); }
  /** A source picture of one opaque colour (0xRRGGBB). */
  solidFill(rgb: number): number {
    const pid = this.x.allocId();
    const c = (shift: number): number => ((rgb >> shift) & 0xff) / 255;
    this.x.sendRaw(() => this.ext.CreateSolidFill(pid, c(16), c(8), c(0), 1));
    return pid;
  }
  createGlyphSet(): number {
    const id = this.x.allocId();
    this.x.sendRaw(() => this.ext.CreateGlyphSet(id, this.a8));
    return id;
  }
  freeGlyphSet(id: number): void { this.x.sendRaw(() => this.ext.FreeGlyphSet(id)); }
  addGlyphs(glyphSet: number, glyphs: readonly GlyphImage[]): void {
    for (const b of encodeAddGlyphs(this.ext.majorOpcode, glyphSet, glyphs)) this.raw(b);
  }
  compositeGlyphs(src: number, dst: number, glyphSet: number, y: number, glyphs: readonly PlacedGlyph[]): void {
    for (const b of encodeCompositeGlyphs(this.ext.majorOpcode, src, dst, this.a8, glyphSet, y, glyphs)) this.raw(b);
  }
  private raw(b: Buffer): void {
    this.x.sendRaw((c) => {
      c.pack_stream.put(b);
      c.seq_num++;
      c.pack_stream.submit();
    });
  }
}

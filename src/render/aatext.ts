// Anti-aliased text at one size, as Xft draws it: FreeType faces (the configured ones, then
// fallbacks found through fontconfig), each glyph rasterised and uploaded once into an A8
// glyph set of this size's own, strings composited by the server with a solid source.
// Measuring goes through the same advances, so a cut never splits a glyph. The sizes
// (per monitor scale, per Xft.dpi) and what they share are in aafonts.ts.
import type { XRender, PlacedGlyph } from '../x/render.js';
import type { FontShape } from './text.js';
import type { Face } from './faces.js';
import { FaceChoice } from './fallback.js';
import { GlyphCache } from './glyphcache.js';
import { isMark } from './bidi.js';
import type { FontFile } from './fontconfig.js';

/** What text needs of RENDER (XRender; a recorder in unit tests). */
export type RenderPort = Pick<XRender, 'formatOf' | 'createPicture' | 'freePicture' | 'solidFill' | 'createGlyphSet'
  | 'freeGlyphSet' | 'addGlyphs' | 'compositeGlyphs'>;

export class AaText {
  readonly ascent: number;
  readonly descent: number;
  readonly charWidth: number;
  /** Pixels per em of the primary face. */
  readonly pixels: number;
  readonly choice: FaceChoice<Face>;
  readonly glyphs = new GlyphCache();
  /** Advances by code point as measured (null: no face has it); cleared when a face arrives. */
  private readonly advances = new Map<number, number | null>();
  private glyphSet: number;
  private disposed = false;
  /** Called when a fallback face arrived: what was measured and drawn as boxes changes. */
  onChange: (() => void) | null = null;
  /** What text layout measures with (the same object for this size's life). */
  readonly shape: FontShape;

  /** `faces` at one size; `open` opens a fallback file at that size. */
  constructor(private readonly render: RenderPort, faces: readonly Face[],
    find: (cp: number) => Promise<FontFile | null>, open: (f: FontFile) => Face | null) {
    const primary = faces[0]!;
    this.ascent = primary.ascent;
    this.descent = primary.descent;
    this.pixels = primary.pixels;
    this.charWidth = Math.max(1, primary.advance(0x30) ?? primary.advance(0x4d) ?? Math.round(primary.pixels / 2));
    this.choice = new FaceChoice(faces, find, open);
    this.choice.onChange = () => {
      this.advances.clear();
      this.onChange?.();
    };
    this.glyphSet = render.createGlyphSet();
    this.shape = { charWidth: this.charWidth, advanceOf: (cp) => this.advanceOf(cp) };
  }

  /** A character's advance: 0 for a combining mark (drawn over the character before it). */
  advanceOf(cp: number): number | null {
    const known = this.advances.get(cp);
    if (known !== undefined) return known;
    const f = this.choice.faceFor(cp);
    const w = f === null ? null : isMark(String.fromCodePoint(cp)) ? 0 : this.choice.faces[f]!.advance(cp);
    // A lookup in flight is not remembered: its answer changes the width.
    if (f !== null || this.choice.pending === 0) this.advances.set(cp, w);
    return w;
  }

  /** Draw `text` (characters some face has) at `x` on baseline `y` of picture `dst`, with source picture `src`. */
  draw(dst: number, src: number, text: string, x: number, y: number): void {
    if (this.disposed) return;
    const placed: PlacedGlyph[] = [];
    let pen = x;
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      const fi = this.choice.faceFor(cp);
      if (fi === null) continue;
      const face = this.choice.faces[fi]!;
      const gi = face.index(cp);
      const g = this.glyphs.get(fi, gi, () => face.raster(gi));
      const w = this.advanceOf(cp) ?? 0;
      if (g === null) { pen += w; continue; }
      // A mark ends where its base ends: a zero-width mark hangs back by its own bearing, a
      // monospace face's full-cell mark sits over the cell before.
      placed.push({ id: g.id, x: w === 0 ? pen - g.advance : pen, advance: g.advance });
      pen += w;
    }
    if (placed.length === 0) return;
    if (this.glyphs.takeFresh()) {
      this.render.freeGlyphSet(this.glyphSet);
      this.glyphSet = this.render.createGlyphSet();
    }
    const up = this.glyphs.takeUploads();
    if (up.length > 0) this.render.addGlyphs(this.glyphSet, up);
    this.render.compositeGlyphs(src, dst, this.glyphSet, y, placed);
  }

  /** This size is no longer drawn (Xft.dpi changed): its glyphs leave the server. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.onChange = null;
    this.render.freeGlyphSet(this.glyphSet);
  }
}

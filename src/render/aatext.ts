// Anti-aliased text as Xft draws it: FreeType faces (the configured ones, then fallbacks
// found through fontconfig), each glyph rasterised and uploaded once into an A8 glyph set,
// strings composited by the server onto the strip's pixmap with a solid source of the
// text colour. Measuring goes through the same advances, so a cut never splits a glyph.
import type { XRender, PlacedGlyph } from '../x/render.js';
import type { FontShape } from './text.js';
import { Face } from './faces.js';
import { FaceChoice } from './fallback.js';
import { GlyphCache } from './glyphcache.js';
import { isMark } from './bidi.js';
import { coveragePattern, matchAsync, type FontFile } from './fontconfig.js';

/** Solid-colour source pictures kept at most (a theme has a dozen colours). */
const MAX_FILLS = 64;

export class AaText {
  readonly ascent: number;
  readonly descent: number;
  readonly charWidth: number;
  readonly choice: FaceChoice<Face>;
  readonly glyphs = new GlyphCache();
  /** Advances by code point as measured (null: no face has it); cleared when a face arrives. */
  private readonly advances = new Map<number, number | null>();
  private readonly fills = new Map<number, number>();
  private glyphSet: number;
  private readonly pictures = new Map<number, number>();
  /** Called when a fallback face arrived: what was measured and drawn as boxes changes. */
  onChange: (() => void) | null = null;
  /** What text layout measures with (the same object for the font's life). */
  readonly shape: FontShape;

  constructor(private readonly render: XRender, faces: readonly Face[], family: string,
    find: (cp: number) => Promise<FontFile | null> = (cp) => matchAsync(coveragePattern(family, cp))) {
    const primary = faces[0]!;
    this.ascent = primary.ascent;
    this.descent = primary.descent;
    this.charWidth = Math.max(1, primary.advance(0x30) ?? primary.advance(0x4d) ?? Math.round(primary.pixels / 2));
    this.choice = new FaceChoice(faces, find, (f) => Face.open(f, primary.pixels));
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

  /**
   * Draw `text` (characters some face has) at `x` on baseline `y` of pixmap `pm` (of
   * the screen's `visual`) in colour `fg`.
   */
  draw(pm: number, visual: number, text: string, x: number, y: number, fg: number): void {
    const format = this.render.formatOf(visual);
    if (format === null) return;
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
    this.render.compositeGlyphs(this.fill(fg), this.picture(pm, format), this.glyphSet, y, placed);
  }

  /** The pixmap `pm` is about to be freed: its picture goes first. */
  release(pm: number): void {
    const p = this.pictures.get(pm);
    if (p === undefined) return;
    this.render.freePicture(p);
    this.pictures.delete(pm);
  }

  private picture(pm: number, format: number): number {
    let p = this.pictures.get(pm);
    if (p === undefined) {
      p = this.render.createPicture(pm, format);
      this.pictures.set(pm, p);
    }
    return p;
  }

  private fill(rgb: number): number {
    let f = this.fills.get(rgb);
    if (f !== undefined) return f;
    if (this.fills.size >= MAX_FILLS) {
      for (const old of this.fills.values()) this.render.freePicture(old);
      this.fills.clear();
    }
    f = this.render.solidFill(rgb);
    this.fills.set(rgb, f);
    return f;
  }
}

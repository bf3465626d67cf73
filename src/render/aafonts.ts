// The anti-aliased font at every size Fion draws it: one AaText (faces, glyph cache, glyph
// set) per distinct monitor scale (`monitors.scale`) at the current Xft.dpi, opened the
// first time a strip of that scale is drawn and kept (nothing is rasterised again on a
// redraw). A new Xft.dpi drops every size, freeing its glyph set on the server;
// the next draw opens the faces at the new size. What does not depend on the size is
// shared: the font files, fallback lookups, pictures of pixmaps and solid colour sources.
import type { Face } from './faces.js';
import type { FontFile } from './fontconfig.js';
import type { FontShape } from './text.js';
import { AaText, type RenderPort } from './aatext.js';

/** Solid-colour source pictures kept at most (a theme has a dozen colours). */
const MAX_FILLS = 64;
/** Sizes kept at most (a few monitors with a few scales): beyond, the oldest is dropped. */
const MAX_SIZES = 8;
/** Fallback lookups remembered at most (shared by the sizes). */
const MAX_LOOKUPS = 4096;

/** How the faces are opened: the configured files at a scale, and a fallback file at a size. */
export interface FaceSource {
  /** The configured faces at Xft.dpi `dpi` * 96 on a monitor of scale `scale`, primary
   *  first; empty when none opens. */
  open(dpi: number, scale: number): Face[];
  /** A fallback file at `pixels` per em. */
  openFile(file: FontFile, pixels: number): Face | null;
  /** The face fontconfig offers for a code point the faces lack. */
  find(cp: number): Promise<FontFile | null>;
}

/** A scale as a key: sizes that round to the same hundredth are one. */
const keyOf = (s: number): number => Math.round(s * 100) / 100;

export class AaFonts {
  /** Sizes by monitor scale, at the current Xft.dpi. */
  private readonly sizes = new Map<number, AaText>();
  private readonly pictures = new Map<number, number>();
  private readonly fills = new Map<number, number>();
  private readonly lookups = new Map<number, Promise<FontFile | null>>();
  /** The size of scale 1 at the current Xft.dpi: the bar's metrics, what a theme is sized by. */
  private base: AaText;
  /** Called when a fallback face arrived at some size: what was measured and drawn changes. */
  onChange: (() => void) | null = null;
  /** Called when a size is opened (for the log). */
  onOpen: ((text: AaText, scale: number) => void) | null = null;

  /** `base` is `source` opened at `dpi` (Xft.dpi / 96), as start-up checked it opens. */
  private constructor(private readonly render: RenderPort, private readonly source: FaceSource, private dpi: number, base: Face[]) {
    this.base = this.make(1, base);
  }

  /** The font at `dpi` (its faces at scale 1 given when already open), or null when none opens. */
  static open(render: RenderPort, source: FaceSource, dpi: number, faces = source.open(dpi, 1)): AaFonts | null {
    return faces.length === 0 ? null : new AaFonts(render, source, dpi, faces);
  }

  get ascent(): number { return this.base.ascent; }
  get descent(): number { return this.base.descent; }
  get charWidth(): number { return this.base.charWidth; }
  /** The current Xft.dpi / 96. */
  get dpiScale(): number { return this.dpi; }
  /** Sizes open now (tests, benchmarks). */
  get sizeCount(): number { return this.sizes.size; }

  /** The text on a monitor of scale `scale` (1: unscaled). */
  at(scale: number): AaText {
    const k = keyOf(Number.isFinite(scale) && scale > 0 ? scale : 1);
    const known = this.sizes.get(k);
    if (known !== undefined) return known;
    const faces = this.source.open(this.dpi, k);
    if (faces.length > 0) return this.make(k, faces);
    this.sizes.set(k, this.base); // asked once: this scale draws at the base size
    return this.base;
  }

  /** What text layout measures with on a monitor of scale `scale`. */
  shape(scale = 1): FontShape { return this.at(scale).shape; }

  /**
   * Xft.dpi is now `dpi` * 96: every size is dropped (its glyph set freed) and the faces
   * are opened again at the new size. False when it did not change, or the faces no longer
   * open (then the old sizes stay).
   */
  setDpi(dpi: number): boolean {
    if (keyOf(dpi) === keyOf(this.dpi)) return false;
    const faces = this.source.open(dpi, 1);
    if (faces.length === 0) return false;
    for (const t of this.sizes.values()) t.dispose();
    this.sizes.clear();
    this.dpi = dpi;
    this.base = this.make(1, faces);
    return true;
  }

  /** Draw `text` at scale `scale` on pixmap `pm` (of the screen's `visual`) in colour `fg`. */
  draw(pm: number, visual: number, scale: number, text: string, x: number, y: number, fg: number): void {
    const format = this.render.formatOf(visual);
    if (format === null) return;
    this.at(scale).draw(this.picture(pm, format), this.fill(fg), text, x, y);
  }

  /** The pixmap `pm` is about to be freed: its picture goes first. */
  release(pm: number): void {
    const p = this.pictures.get(pm);
    if (p === undefined) return;
    this.render.freePicture(p);
    this.pictures.delete(pm);
  }

  private make(k: number, faces: Face[]): AaText {
    if (this.sizes.size >= MAX_SIZES) {
      const oldest = [...this.sizes].find(([, t]) => t !== this.base);
      if (oldest !== undefined) { oldest[1].dispose(); this.sizes.delete(oldest[0]); }
    }
    const text = new AaText(this.render, faces, (cp) => this.find(cp), (f) => this.source.openFile(f, faces[0]!.pixels));
    text.onChange = () => this.onChange?.();
    this.sizes.set(k, text);
    this.onOpen?.(text, k);
    return text;
  }

  /** fontconfig's answer for `cp`, asked once for every size. */
  private find(cp: number): Promise<FontFile | null> {
    let p = this.lookups.get(cp);
    if (p === undefined) {
      if (this.lookups.size >= MAX_LOOKUPS) this.lookups.clear();
      p = this.source.find(cp);
      this.lookups.set(cp, p);
    }
    return p;
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

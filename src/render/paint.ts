// Drawing a strip of text cells (the bar, a tab bar) into a window through a
// pixmap, so a redraw never shows a half-painted strip. Text goes out anti-aliased
// through RENDER (aatext.ts) or with a core font through ImageText16 (UCS-2);
// characters no font has are drawn as a box, never as whatever glyph the server
// would substitute.
import type { XPort, Screen, FontMetrics } from '../x/port.js';
import type { WindowId } from '../x/types.js';
import { fit, measure, runs, type FontShape } from './text.js';
import { visualOrder } from './bidi.js';
import type { AaFonts } from './aafonts.js';

export interface Cell {
  readonly x: number;
  readonly width: number;
  readonly text: string;
  readonly fg: number;
  readonly bg: number;
  /** Pixels between the cell's left edge and its text (default 4); the text is cut to fit. */
  readonly pad?: number;
  /** Colour of a 1 px line at the cell's right edge. */
  readonly separator?: number;
  /** Colour of boxes for characters the font lacks (default fg). */
  readonly placeholder?: number;
  /** Colour of a 1 px border around the cell. */
  readonly border?: number;
  /** A window's icon drawn in the cell (src/render/icons.ts); `pad` leaves it room. */
  readonly icon?: IconRef;
}

/** Which icon goes where in a cell: the window's, as of Client.icon `serial`, in a
 *  size x size square at (x, y) from the cell's top-left corner. */
export interface IconRef {
  readonly window: WindowId;
  readonly serial: number;
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/** What paints icons into a strip's pixmap (src/render/icons.ts). */
export interface IconPainter {
  draw(screen: Screen, dst: number, gc: number, icon: IconRef, x: number, y: number, bg: number): void;
  /** After a push: let go of what no tab can show any more (changed icons, windows gone). */
  prune(): void;
}

export interface Font {
  /** The core font (0 when `aa` draws the text). */
  readonly id: number;
  readonly metrics: FontMetrics;
  /** Fonts for characters this one lacks, in order; filled in after start-up (setFallbacks). */
  fallbacks?: readonly Font[];
  /** Anti-aliased faces drawn through RENDER, instead of the core font, at each scale. */
  readonly aa?: AaFonts;
}

/** What text layout needs of a font and its fallbacks, on a monitor of scale `scale` (core
 *  fonts have one size). */
export function shapeOf(f: Font, scale = 1): FontShape {
  if (f.aa !== undefined) return f.aa.shape(scale);
  return { ...f.metrics, fallbacks: (f.fallbacks ?? []).map((b) => b.metrics) };
}

/** Text as the 16-bit text requests can carry: UCS-2 code units, no surrogates, at most 255. */
export function toUcs2(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    out += cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff) ? '\ufffd' : ch;
  }
  return out.slice(0, 255);
}

/** Cut `s` to fit `width` pixels with a fixed cell width, ending in an ellipsis when cut. */
export function ellipsize(s: string, width: number, charWidth: number): string {
  return fit({ charWidth }, s, width);
}

/** What a GC was last set to by the painter (the only user of its GCs). */
type GcValues = { foreground?: number; background?: number; font?: number };

export class Painter {
  private readonly gcs = new Map<number, number>();
  /** Each GC's values as last sent: a change that sets nothing new is not sent (a tab bar of
   *  many cells of one colour sets its colour once, not once per cell). */
  private readonly gcValues = new Map<number, GcValues>();
  /** The font's shape, until fallback fonts arrive: not rebuilt for every cell. */
  private shapeCache: { readonly fallbacks: Font['fallbacks']; readonly shape: FontShape } | null = null;
  /** Strips painted so far (for tests and benchmarks of the bar's idle cost). */
  paints = 0;
  /** Called when a character of the Basic Multilingual Plane had no font (a fallback might have it). */
  onMissing: (() => void) | null = null;
  /** Draws windows' icons in cells that have one (none: icons are left out). */
  icons: IconPainter | null = null;
  constructor(private readonly x: XPort, private readonly font: Font) {}

  private gcFor(screen: Screen): number {
    let gc = this.gcs.get(screen.index);
    if (gc === undefined) {
      const font: GcValues = this.font.aa === undefined ? { font: this.font.id } : {};
      gc = this.x.createGC(screen.root, { ...font, graphicsExposures: 0 });
      this.gcs.set(screen.index, gc);
      this.gcValues.set(gc, font);
    }
    return gc;
  }

  /** Paints background `bg` and every cell; text is vertically centred, at the size of `scale`. */
  paint(screen: Screen, w: WindowId, width: number, height: number, bg: number, cells: readonly Cell[], scale = 1): void {
    if (width <= 0 || height <= 0) return;
    this.paints++;
    const gc = this.gcFor(screen);
    const pm = this.x.createPixmap(w, screen.depth, width, height);
    this.setGC(gc, { foreground: bg });
    this.x.fillRect(pm, gc, 0, 0, width, height);
    for (const c of cells) this.drawCell(screen, pm, gc, c, c.x, height, scale);
    this.x.copyArea(pm, w, gc, 0, 0, 0, 0, width, height);
    this.font.aa?.release(pm);
    this.x.freePixmap(pm);
  }

  /** Paints only these cells where they are (the rest of the strip is unchanged): a clock
   *  tick sends one small pixmap, not the whole bar. */
  paintCells(screen: Screen, w: WindowId, height: number, cells: readonly Cell[], scale = 1): void {
    if (height <= 0) return;
    this.paints++;
    const gc = this.gcFor(screen);
    for (const c of cells) {
      if (c.width <= 0) continue;
      const pm = this.x.createPixmap(w, screen.depth, c.width, height);
      this.drawCell(screen, pm, gc, c, 0, height, scale);
      this.x.copyArea(pm, w, gc, 0, 0, c.x, 0, c.width, height);
      this.font.aa?.release(pm);
      this.x.freePixmap(pm);
    }
  }

  /** One cell at `x` of pixmap `pm`: background, border, separator, icon, text (boxes for what no font has). */
  private drawCell(screen: Screen, pm: number, gc: number, c: Cell, x0: number, height: number, scale: number): void {
    if (c.width <= 0) return;
    const aa = this.font.aa;
    const sized = aa?.at(scale);
    const m = sized ?? this.font.metrics;
    const shape = sized?.shape ?? this.shape();
    const fallbacks = this.font.fallbacks ?? [];
    const baseline = Math.floor((height - (m.ascent + m.descent)) / 2) + m.ascent;
    this.setGC(gc, { foreground: c.bg });
    this.x.fillRect(pm, gc, x0, 0, c.width, height);
    if (c.border !== undefined) this.box(pm, gc, c.border, x0, 0, c.width, height);
    if (c.separator !== undefined) {
      this.setGC(gc, { foreground: c.separator });
      this.x.fillRect(pm, gc, x0 + c.width - 1, 3, 1, Math.max(1, height - 6));
    }
    if (c.icon !== undefined) this.icons?.draw(screen, pm, gc, c.icon, x0 + c.icon.x, c.icon.y, c.bg);
    const pad = c.pad ?? 4;
    // Composed, cut to fit, then in drawing order (right-to-left words reversed).
    const text = visualOrder(fit(shape, c.text.normalize('NFC'), c.width - pad - 4));
    let x = x0 + pad;
    for (const r of runs(shape, text)) {
      if (r.missing) {
        if (aa === undefined && this.onMissing !== null && (r.text.codePointAt(0) ?? 0) <= 0xffff) this.onMissing();
        // A box the size of a character cell: visibly "a character is here".
        this.box(pm, gc, c.placeholder ?? c.fg, x + 1, baseline - m.ascent + 1, r.width - 2, m.ascent + m.descent - 2);
      } else if (aa !== undefined) {
        aa.draw(pm, screen.visual, scale, r.text, x, baseline, c.fg);
      } else {
        const font = r.font === 0 ? this.font.id : (fallbacks[r.font - 1]?.id ?? this.font.id);
        this.setGC(gc, { foreground: c.fg, background: c.bg, font });
        this.x.imageText16(pm, gc, x, baseline, toUcs2(r.text));
      }
      x += r.width;
    }
  }

  /** Text width in pixels as paint draws it at scale `scale`. */
  measure(s: string, scale = 1): number { return measure(this.font.aa?.shape(scale) ?? this.shape(), s); }

  /** The core font's shape. */
  private shape(): FontShape {
    if (this.font.aa !== undefined) return this.font.aa.shape();
    const fallbacks = this.font.fallbacks;
    const c = this.shapeCache;
    if (c !== null && c.fallbacks === fallbacks) return c.shape;
    const shape = shapeOf(this.font);
    this.shapeCache = { fallbacks, shape };
    return shape;
  }

  /** Sends only the values that differ from what `gc` was last set to. */
  private setGC(gc: number, values: GcValues): void {
    const now = this.gcValues.get(gc) ?? {};
    const change: GcValues = {};
    let any = false;
    if (values.foreground !== undefined && values.foreground !== now.foreground) { change.foreground = values.foreground; any = true; }
    if (values.background !== undefined && values.background !== now.background) { change.background = values.background; any = true; }
    if (values.font !== undefined && values.font !== now.font) { change.font = values.font; any = true; }
    if (!any) return;
    this.x.changeGC(gc, change);
    this.gcValues.set(gc, { ...now, ...change });
  }

  private box(pm: number, gc: number, color: number, x: number, y: number, w: number, h: number): void {
    if (w <= 0 || h <= 0) return;
    this.setGC(gc, { foreground: color });
    this.x.fillRect(pm, gc, x, y, w, 1);
    this.x.fillRect(pm, gc, x, y + h - 1, w, 1);
    this.x.fillRect(pm, gc, x, y, 1, h);
    this.x.fillRect(pm, gc, x + w - 1, y, 1, h);
  }
}

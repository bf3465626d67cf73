// Drawing a strip of text cells (the bar, a tab bar) into a window through a
// pixmap, so a redraw never shows a half-painted strip.
import type { XConnection, Screen, FontMetrics } from '../x/connection.js';
import type { WindowId } from '../x/types.js';

export interface Cell {
  readonly x: number;
  readonly width: number;
  readonly text: string;
  readonly fg: number;
  readonly bg: number;
}

export interface Font {
  readonly id: number;
  readonly metrics: FontMetrics;
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
  const cw = Math.max(1, charWidth);
  const max = Math.max(0, Math.floor(width / cw));
  const chars = [...s];
  if (chars.length <= max) return s;
  if (max === 0) return '';
  return chars.slice(0, max - 1).join('') + '…';
}

export class Painter {
  private readonly gcs = new Map<number, number>();
  constructor(private readonly x: XConnection, private readonly font: Font) {}

  private gcFor(screen: Screen): number {
    let gc = this.gcs.get(screen.index);
    if (gc === undefined) {
      gc = this.x.createGC(screen.root, { font: this.font.id, graphicsExposures: 0 });
      this.gcs.set(screen.index, gc);
    }
    return gc;
  }

  /** Paints background `bg` and every cell; text is vertically centred. */
  paint(screen: Screen, w: WindowId, width: number, height: number, bg: number, cells: readonly Cell[]): void {
    if (width <= 0 || height <= 0) return;
    const gc = this.gcFor(screen);
    const pm = this.x.createPixmap(w, screen.depth, width, height);
    this.x.changeGC(gc, { foreground: bg });
    this.x.fillRect(pm, gc, 0, 0, width, height);
    const m = this.font.metrics;
    const baseline = Math.floor((height - (m.ascent + m.descent)) / 2) + m.ascent;
    for (const c of cells) {
      if (c.width <= 0) continue;
      this.x.changeGC(gc, { foreground: c.bg });
      this.x.fillRect(pm, gc, c.x, 0, c.width, height);
      const text = toUcs2(ellipsize(c.text, c.width - 8, m.charWidth));
      if (text.length === 0) continue;
      this.x.changeGC(gc, { foreground: c.fg, background: c.bg });
      this.x.imageText16(pm, gc, c.x + 4, baseline, text);
    }
    this.x.copyArea(pm, w, gc, 0, 0, 0, 0, width, height);
    this.x.freePixmap(pm);
  }
}

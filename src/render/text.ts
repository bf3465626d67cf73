// Measuring and cutting text for a core font, pure: which characters the font
// has (the rest are drawn as a box), how wide a string is, and where to cut it
// with an ellipsis so that no glyph is ever clipped in the middle.

/** What text layout needs to know of a font. */
export interface FontShape {
  /** The width of a character the font lacks (its box), and of every character when `widths` is absent. */
  readonly charWidth: number;
  /** Width of each BMP code point; 0: the font has no such character. Absent: every character exists. */
  readonly widths?: Int16Array;
  /** Fonts for the characters this one lacks, tried in order (CJK from a wider face). */
  readonly fallbacks?: readonly FontShape[];
  /** Advance of any code point, null where the font has none (0: a combining mark, drawn over
   *  the character before it). For faces whose table is read glyph by glyph, on demand. */
  readonly advanceOf?: (cp: number) => number | null;
}

function ownWidth(font: FontShape, cp: number): number | null {
  if (font.advanceOf !== undefined) return font.advanceOf(cp);
  if (cp > 0xffff) return null; // core fonts: the 16-bit text requests reach the BMP only
  if (font.widths === undefined) return font.charWidth;
  const w = font.widths[cp] ?? 0;
  return w > 0 ? w : null;
}

/** Which font the last glyphWidth found the character in (see glyph). */
let foundIn = 0;

/** A character's advance, or null when no font has it (beyond the BMP: always, for core
 *  fonts). Allocates nothing: measuring runs over every character of every title at every
 *  render. */
export function glyphWidth(font: FontShape, cp: number): number | null {
  if (cp >= 0xd800 && cp <= 0xdfff) return null;
  foundIn = 0;
  const own = ownWidth(font, cp);
  if (own !== null) return own;
  const fb = font.fallbacks ?? [];
  for (let i = 0; i < fb.length; i++) {
    const w = ownWidth(fb[i]!, cp);
    if (w !== null) {
      foundIn = i + 1;
      return w;
    }
  }
  return null;
}

/** Which font draws a character (0: the font itself, i: fallbacks[i - 1]) and its advance;
 *  null when no font has it. */
export function glyph(font: FontShape, cp: number): { font: number; width: number } | null {
  const width = glyphWidth(font, cp);
  return width === null ? null : { font: foundIn, width };
}

const advance = (font: FontShape, cp: number): number => glyphWidth(font, cp) ?? Math.max(1, font.charWidth);

/** Width of `s` in pixels as the painter draws it (missing characters as boxes). */
export function measure(font: FontShape, s: string): number {
  let w = 0;
  // By code point, as for-of over a string goes, without its allocation at every step.
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    w += advance(font, cp);
  }
  return w;
}

/** `s` cut to at most `width` pixels, ending in an ellipsis when cut. */
export function fit(font: FontShape, s: string, width: number): string {
  if (measure(font, s) <= width) return s;
  const dots = glyphWidth(font, 0x2026) === null ? '~' : '…';
  const room = width - measure(font, dots);
  if (room < 0) return '';
  let w = 0;
  let out = '';
  for (const ch of s) {
    const a = advance(font, ch.codePointAt(0) ?? 0);
    if (w + a > room) break;
    w += a;
    out += ch;
  }
  return out + dots;
}

/** A piece of text to draw: characters one font has (`font` as in glyph()), or one no font has (a box). */
export interface Run {
  readonly text: string;
  readonly missing: boolean;
  readonly width: number;
  readonly font: number;
}

/** `s` as runs of characters of one font (at most 255 code units each) and single missing ones. */
export function runs(font: FontShape, s: string): Run[] {
  const out: Run[] = [];
  let text = '';
  let width = 0;
  let current = 0;
  const flush = (): void => {
    if (text !== '') out.push({ text, missing: false, width, font: current });
    text = '';
    width = 0;
  };
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const g = glyph(font, cp);
    if (g === null || cp < 0x20) {
      flush();
      out.push({ text: ch, missing: true, width: Math.max(1, font.charWidth), font: 0 });
      continue;
    }
    if (text.length >= 255 || g.font !== current) flush();
    current = g.font;
    text += ch;
    width += g.width;
  }
  flush();
  return out;
}

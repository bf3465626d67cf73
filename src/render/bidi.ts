// Text in the order it is drawn, pure. Fion draws glyph by glyph without a shaping
// engine, so two things are done by hand: combining sequences are composed where Unicode
// has a precomposed character (NFC), and right-to-left words (Hebrew, Arabic...) are
// reversed so they read right to left inside a left-to-right bar. This is the simple case
// of the Unicode bidirectional algorithm (a left-to-right paragraph with right-to-left runs;
// no embedding levels, no mirroring), and Arabic letters keep their isolated forms.

/** Combining marks (Mn, Me): drawn over the character before them, taking no room. */
const MARK = /^[\p{Mn}\p{Me}]$/u;
/** Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan... and their presentation forms. */
const RTL = /^[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]$/u;
/** What may sit inside a right-to-left run without ending it: spaces, marks, digits, punctuation. */
const NEUTRAL = /^[\s\p{P}\p{N}\p{S}\p{Mn}\p{Me}]$/u;

export const isMark = (ch: string): boolean => MARK.test(ch);
export const isRtl = (ch: string): boolean => RTL.test(ch) && !MARK.test(ch);

/** Characters grouped as a base and the marks after it (a mark first stands alone). */
function clusters(chars: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const ch of chars) {
    const last = out[out.length - 1];
    if (last !== undefined && isMark(ch)) last.push(ch);
    else out.push([ch]);
  }
  return out;
}

/**
 * `s` composed (NFC) and in visual order: each run of right-to-left letters, with the
 * neutral characters between two of them, is reversed cluster by cluster (a mark stays
 * after its base). Left-to-right text comes back as it was, composed.
 */
export function visualOrder(s: string): string {
  const text = s.normalize('NFC');
  if (!/[\u0590-\u08ff\ufb1d-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u.test(text)) return text;
  const cs = clusters([...text]);
  const out: string[] = [];
  let i = 0;
  while (i < cs.length) {
    if (!isRtl(cs[i]![0]!)) { out.push(cs[i]!.join('')); i++; continue; }
    // The run goes on through neutrals as long as another right-to-left letter follows.
    let end = i + 1;
    let j = i + 1;
    while (j < cs.length && (isRtl(cs[j]![0]!) || NEUTRAL.test(cs[j]![0]!))) {
      if (isRtl(cs[j]![0]!)) end = j + 1;
      j++;
    }
    for (let k = end - 1; k >= i; k--) out.push(cs[k]!.join(''));
    i = end;
  }
  return out.join('');
}

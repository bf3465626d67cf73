// What a `font:` name says, pure: an X core font (XLFD or a server alias such as `fixed`),
// or a fontconfig-style name for anti-aliased text: `DejaVu Sans Mono 10` (Pango's form,
// family then size in points), `Noto Sans:size=11` (a fontconfig pattern), with an optional
// `xft:` or `pango:` prefix as other window managers write them.

export type FontSpec =
  | { readonly kind: 'core'; readonly name: string }
  | {
    readonly kind: 'fc';
    readonly name: string;
    /** The family as written ("monospace", "DejaVu Sans Mono"). */
    readonly family: string;
    /** What fc-match is asked: the family and style, without the size. */
    readonly pattern: string;
    /** Size in points (scaled by the display's dpi), or null when given in pixels. */
    readonly points: number | null;
    /** Size in pixels (`pixelsize=`), which no dpi scales. */
    readonly pixels: number | null;
  };

/** Points when a name gives no size: what GTK and Xft default to. */
export const DEFAULT_POINTS = 10;

/** Names the X server knows as aliases of core fonts (fonts.alias) rather than families. */
const CORE_ALIAS = /^(fixed|variable|cursor|\d+x\d+[a-z]*|nil2)$/i;
const STYLE_WORDS: Readonly<Record<string, string>> = {
  bold: 'weight=bold', italic: 'slant=italic', oblique: 'slant=oblique', light: 'weight=light',
  medium: 'weight=medium', regular: '', book: '', normal: '', semibold: 'weight=semibold',
};

const sizeOk = (n: number): boolean => Number.isFinite(n) && n > 0 && n <= 200;

/** The spec of a `font:` name; null when it is neither form (empty, a size out of range). */
export function parseFontName(raw: string): FontSpec | null {
  const name = raw.trim();
  if (name === '') return null;
  if (name.startsWith('-') || CORE_ALIAS.test(name)) return { kind: 'core', name };
  const bare = name.replace(/^(xft|pango):\s*/i, '');
  if (bare.includes(':') || /-\d+(?:\.\d+)?$/.test(bare)) return fromPattern(name, bare);
  // Pango's form: family words, style words, then a size ("DejaVu Sans Mono Bold 10", "Sans 9px").
  const words = bare.split(/\s+/);
  let points: number | null = null;
  let pixels: number | null = null;
  const size = /^(\d+(?:\.\d+)?)(px)?$/.exec(words[words.length - 1] ?? '');
  if (size !== null) {
    words.pop();
    const n = Number(size[1]);
    if (!sizeOk(n)) return null;
    if (size[2] === undefined) points = n;
    else pixels = n;
  }
  const styles: string[] = [];
  while (words.length > 1 && STYLE_WORDS[words[words.length - 1]!.toLowerCase()] !== undefined) {
    const s = STYLE_WORDS[words.pop()!.toLowerCase()]!;
    if (s !== '') styles.unshift(s);
  }
  const family = words.join(' ').replace(/,$/, '');
  if (family === '') return null;
  return {
    kind: 'fc', name, family, pattern: [escapeFamily(family), ...styles].join(':'),
    points: points ?? (pixels === null ? DEFAULT_POINTS : null), pixels,
  };
}

/** A fontconfig pattern: `family[,family]:prop=value:...`; size and pixelsize are read here. */
function fromPattern(name: string, bare: string): FontSpec | null {
  const [head = '', ...props] = bare.split(':');
  // "Family-12" is fontconfig's short form of a size.
  const short = /^(.*?)-(\d+(?:\.\d+)?)$/.exec(head);
  const family = (short?.[1] ?? head).split(',')[0]!.trim();
  let points: number | null = short === null ? null : Number(short[2]);
  let pixels: number | null = null;
  const kept: string[] = [];
  for (const p of props) {
    const m = /^\s*(size|pixelsize)\s*=\s*(\d+(?:\.\d+)?)\s*$/i.exec(p);
    if (m === null) { if (p.trim() !== '') kept.push(p.trim()); continue; }
    const n = Number(m[2]);
    if (!sizeOk(n)) return null;
    if (m[1]!.toLowerCase() === 'size') points = n;
    else pixels = n;
  }
  if (family === '' || (points !== null && !sizeOk(points))) return null;
  if (pixels !== null) points = null;
  return { kind: 'fc', name, family, pattern: [escapeFamily(family), ...kept].join(':'), points: points ?? (pixels === null ? DEFAULT_POINTS : null), pixels };
}

/** fontconfig's pattern syntax gives `-`, `:` and `,` meanings: a family keeps them escaped. */
const escapeFamily = (f: string): string => f.replace(/([\\:,-])/g, '\\$1');

/** Pixels per em of a spec at `dpi` (points scale with it, pixels don't). */
export function pixelSize(spec: Extract<FontSpec, { kind: 'fc' }>, dpi: number): number {
  return spec.pixels ?? ((spec.points ?? DEFAULT_POINTS) * dpi) / 72;
}

/** fontconfig's generic families: always found (as whatever the system maps them to). */
const GENERIC = new Set(['monospace', 'mono', 'sans', 'sans-serif', 'sans serif', 'serif', 'system-ui', 'emoji']);

/**
 * Whether what fc-match found is the family asked for: fc-match answers every pattern with
 * some font, so a family it does not know shows as another family's name. Compared without
 * case or spaces; a generic family is always found.
 */
export function isFamily(asked: string, found: readonly string[]): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');
  if (GENERIC.has(asked.toLowerCase())) return true;
  const a = norm(asked);
  return found.some((f) => norm(f) === a);
}

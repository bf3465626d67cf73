// Font files through fontconfig's own tool, fc-match: which file a family name means, and
// which face has a character the bar's faces lack. fontconfig has no JavaScript binding
// worth a dependency; its command line is on every desktop that has fonts, answers in a
// few milliseconds, and a missing fc-match only means "no anti-aliased text".
import { childProcess } from '../childprocess.js';
import { isFamily, parseFontName, type FontSpec } from './fontname.js';

/** A face in a file (a .ttc holds several), and the family names fontconfig gives it. */
export interface FontFile {
  readonly file: string;
  readonly index: number;
  readonly families: readonly string[];
}

const FORMAT = '%{file}\\n%{index}\\n%{family}\\n';
/** fc-match builds its cache on a first run on a new system: seconds, once. */
const TIMEOUT_MS = 10_000;

/** fc-match's answer in FORMAT, or null when it found no file. */
export function parseMatch(out: string): FontFile | null {
  const [file = '', index = '0', families = ''] = out.split('\n');
  if (file === '' || !file.startsWith('/')) return null;
  return { file, index: Number(index) || 0, families: families.split(',').map((f) => f.trim()).filter((f) => f !== '') };
}

/** fc-match was not found (no fontconfig on this system): set by the first lookup. */
let noFcMatch = false;

/** Whether a lookup found that fontconfig is not installed: then text is drawn with core
 *  fonts, and a fontconfig name in the config is no error (a system without fontconfig is
 *  a choice of the system's, not a mistake in the config). */
export const fontconfigMissing = (): boolean => noFcMatch;

/** The file fontconfig gives `pattern`, asked synchronously (start-up, config checks). */
export function matchSync(pattern: string): FontFile | null {
  try {
    return parseMatch(childProcess().execFileSync('fc-match', ['-f', FORMAT, pattern], { encoding: 'utf8', timeout: TIMEOUT_MS, stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') noFcMatch = true;
    return null;
  }
}

/** The same, without blocking: for characters found missing while drawing. */
export function matchAsync(pattern: string): Promise<FontFile | null> {
  return new Promise((resolve) => {
    childProcess().execFile('fc-match', ['-f', FORMAT, pattern], { encoding: 'utf8', timeout: TIMEOUT_MS }, (err, out) => {
      resolve(err === null ? parseMatch(out) : null);
    });
  });
}

/** The pattern asking for a face of `family` (or any other) that has code point `cp`. */
export const coveragePattern = (family: string, cp: number): string => `${family.replace(/([\\:,-])/g, '\\$1')}:charset=${cp.toString(16)}`;

/** Where a fontconfig-style spec is, or why it cannot be used. */
export function locate(spec: Extract<FontSpec, { kind: 'fc' }>, match: (p: string) => FontFile | null = matchSync): FontFile | { error: string } {
  const f = match(spec.pattern);
  if (f === null) return { error: `font ${JSON.stringify(spec.name)}: fontconfig (fc-match) found no font file` };
  if (!isFamily(spec.family, f.families)) {
    return { error: `font ${JSON.stringify(spec.name)}: no family ${JSON.stringify(spec.family)} on this system (fc-match offers ${JSON.stringify(f.families[0] ?? f.file)}; fc-list lists them)` };
  }
  return f;
}

/** Why a `font:` name cannot be used, or null: not a font name, or a family fontconfig lacks.
 *  Core font names are checked by the X server when Fion starts. */
export function fontProblem(name: string, match: (p: string) => FontFile | null = matchSync): string | null {
  const spec = parseFontName(name);
  if (spec === null) return `${JSON.stringify(name)} is not a font name (e.g. "DejaVu Sans Mono 10" or an XLFD)`;
  if (spec.kind === 'core') return null;
  const r = locate(spec, match);
  if ('error' in r && match === matchSync && noFcMatch) return null;
  return 'error' in r ? `${r.error}; the next font of the list is used, else misc-fixed` : null;
}

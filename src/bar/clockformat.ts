// The clock's common formats without luxon: a format made only of numeric tokens (yyyy-MM-dd
// HH:mm:ss, the default) in local time, formatted with Date's getters exactly as luxon would.
// Why: luxon builds a DateTime through Intl, and Intl's first use maps ~5 MiB of ICU data
// that an idle Fion then keeps for nothing. Anything else (names of days, AM/PM, offsets,
// time zones, a locale whose digits are not 0-9) is left to luxon: null here.

/** Numeric luxon tokens: the value and luxon's zero padding. */
const TOKENS: Readonly<Record<string, readonly [(d: Date) => number | string, number]>> = {
  S: [(d) => d.getMilliseconds(), 0],
  SSS: [(d) => d.getMilliseconds(), 3],
  s: [(d) => d.getSeconds(), 0],
  ss: [(d) => d.getSeconds(), 2],
  m: [(d) => d.getMinutes(), 0],
  mm: [(d) => d.getMinutes(), 2],
  H: [(d) => d.getHours(), 0],
  HH: [(d) => d.getHours(), 2],
  h: [(d) => d.getHours() % 12 === 0 ? 12 : d.getHours() % 12, 0],
  hh: [(d) => d.getHours() % 12 === 0 ? 12 : d.getHours() % 12, 2],
  d: [(d) => d.getDate(), 0],
  dd: [(d) => d.getDate(), 2],
  M: [(d) => d.getMonth() + 1, 0],
  MM: [(d) => d.getMonth() + 1, 2],
  L: [(d) => d.getMonth() + 1, 0],
  LL: [(d) => d.getMonth() + 1, 2],
  y: [(d) => d.getFullYear(), 0],
  yy: [(d) => d.getFullYear().toString().slice(-2), 2],
  yyyy: [(d) => d.getFullYear(), 4],
};

/** Languages whose default digits in CLDR are 0-9 (a test checks each against Intl). The
 *  locale is read as ICU reads it: LC_ALL, then LC_MESSAGES, then LANG; unset or C: English. */
export const LATIN_DIGIT_LANGUAGES: ReadonlySet<string> = new Set([
  'en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'nb', 'nn', 'no', 'fi', 'is', 'pl', 'cs',
  'sk', 'sl', 'hr', 'bs', 'sr', 'hu', 'ro', 'bg', 'ru', 'uk', 'be', 'el', 'tr', 'et', 'lv', 'lt',
  'ga', 'cy', 'ca', 'eu', 'gl', 'ja', 'zh', 'ko', 'vi', 'id', 'ms', 'th', 'he', 'hi', 'kk', 'ka',
  'hy', 'az', 'sq', 'mk', 'af', 'sw', 'fil', 'eo',
]);

/** The language of the process's default locale as ICU picks it, '' for C/POSIX/unset. */
export function localeLanguage(env: NodeJS.ProcessEnv): string {
  const id = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  const lang = id.split(/[_.@-]/)[0]!.toLowerCase();
  return lang === 'c' || lang === 'posix' ? '' : lang;
}

/** A parsed format: literal text and numeric tokens, or null when luxon must format it. */
type Part = string | readonly [(d: Date) => number | string, number];

/** `format` split as luxon's Formatter.parseFormat splits it; null unless every token is numeric. */
export function parsePlain(format: string): Part[] | null {
  const runs: { literal: boolean; val: string }[] = [];
  let current: string | null = null;
  let full = '';
  let quoted = false;
  for (const c of format) {
    if (c === "'") {
      // '' is a literal quote, as in luxon.
      if (full.length > 0 || quoted) runs.push({ literal: quoted || /^\s+$/.test(full), val: full === '' ? "'" : full });
      current = null;
      full = '';
      quoted = !quoted;
    } else if (quoted || c === current) {
      full += c;
    } else {
      if (full.length > 0) runs.push({ literal: /^\s+$/.test(full), val: full });
      full = c;
      current = c;
    }
  }
  if (full.length > 0) runs.push({ literal: quoted || /^\s+$/.test(full), val: full });
  const parts: Part[] = [];
  for (const r of runs) {
    if (r.literal) { parts.push(r.val); continue; }
    const t = TOKENS[r.val];
    if (t !== undefined) parts.push(t);
    // luxon prints any other run as it is, unless it is a letter (a token or a macro).
    else if (!/[a-zA-Z]/.test(r.val)) parts.push(r.val);
    else return null;
  }
  return parts;
}

let cached: { format: string; parts: Part[] | null } | null = null;

/** `now` in local time by `format` as luxon prints it, or null when luxon must do it. */
export function formatPlain(now: Date, format: string, zone: string | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  if (zone !== undefined) return null;
  const lang = localeLanguage(env);
  if (lang !== '' && !LATIN_DIGIT_LANGUAGES.has(lang)) return null;
  if (cached?.format !== format) cached = { format, parts: parsePlain(format) };
  const parts = cached.parts;
  if (parts === null) return null;
  let out = '';
  for (const p of parts) out += typeof p === 'string' ? p : String(p[0](now)).padStart(p[1], '0');
  return out;
}

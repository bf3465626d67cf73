// The bar's font at start-up: the config's list read in order. Fontconfig-style names
// become anti-aliased FreeType faces drawn through RENDER; XLFD names core fonts. Without
// RENDER (or FreeType, or fontconfig) the core names of the list are used, then misc-fixed.
import type { XConnection } from '../x/connection.js';
import { isFailure } from '../x/types.js';
import { XRender } from '../x/render.js';
import type { Config } from '../config/index.js';
import { fallbackConfig } from '../config/defaults.js';
import type { Font } from '../render/paint.js';
import { parseFontName, pixelSize, type FontSpec } from '../render/fontname.js';
import { coveragePattern, fontconfigMissing, locate, matchAsync, matchSync, type FontFile } from '../render/fontconfig.js';
import { Face, freeTypeFrom, loadFreeType } from '../render/faces.js';
import type { AaText } from '../render/aatext.js';
import { AaFonts, type FaceSource } from '../render/aafonts.js';
import { log } from '../log.js';
import { fontAnswersPath, fontconfigStamp, readFontAnswers, writeFontAnswers } from '../persist/fontanswers.js';

type FcSpec = Extract<FontSpec, { kind: 'fc' }>;
/** Asks fontconfig which file a pattern means. */
export type Match = (pattern: string) => FontFile | null;

/** fc-match asked at most once per pattern: at start-up the config's check and the bar's
 *  font ask the same question, and each answer is a child process (20-50 ms on a loaded
 *  machine). For one start only: a reload asks again (fonts may have been installed).
 *  `answers`: every pattern asked so far, `known` ones included. */
export function matchOnce(ask: Match = matchSync, known: ReadonlyMap<string, FontFile> = new Map()): Match & { readonly answers: ReadonlyMap<string, FontFile | null> } {
  const answers = new Map<string, FontFile | null>(known);
  const match = (pattern: string): FontFile | null => {
    let a = answers.get(pattern);
    if (a === undefined) answers.set(pattern, a = ask(pattern));
    return a ?? null;
  };
  return Object.assign(match, { answers });
}

/** Font files known before the config is read, and whence. */
export interface FontsAhead {
  readonly answers: ReadonlyMap<string, FontFile>;
  /** fontconfig's stamp when they were read (persist/fontanswers.ts). */
  readonly stamp: string;
  /** The patterns whose answer came from the last start's file, not from fc-match. */
  readonly kept: ReadonlySet<string>;
}

/**
 * fontconfig's files for the last start's patterns, when its inputs have not changed since
 * (persist/fontanswers.ts), else for the settings table's default fonts, asked in child
 * processes that run while the rest of Fion loads (boot.ts): on a busy machine a fc-match
 * waited for is 30-200 ms on the way to the first frame. Only found files are kept: a miss,
 * or no fc-match at all, is asked again synchronously, which tells the two apart.
 */
export async function askDefaultFonts(env: NodeJS.ProcessEnv = process.env): Promise<FontsAhead> {
  const stamp = fontconfigStamp(env);
  const answers = readFontAnswers(fontAnswersPath(env), stamp);
  const kept = new Set(answers.keys());
  const fc = specsOf(fallbackConfig()).filter((s): s is FcSpec => s.kind === 'fc' && !answers.has(s.pattern));
  await Promise.all(fc.map(async (s) => {
    const f = await matchAsync(s.pattern);
    if (f !== null) answers.set(s.pattern, f);
  }));
  return { answers, stamp, kept };
}

/**
 * After the first frame: keeps this start's answers for the next one. The ones that came
 * from the file are asked again first; a changed one applies from the next start (the bar's
 * font is opened once), which the log says.
 */
export async function keepFontAnswers(ahead: FontsAhead, asked: ReadonlyMap<string, FontFile | null>, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Read before the questions: a change while they run shows at the next start.
  const stamp = ahead.kept.size > 0 ? fontconfigStamp(env) : ahead.stamp;
  const found = new Map<string, FontFile>();
  for (const [pattern, f] of asked) {
    if (f === null) continue;
    if (!ahead.kept.has(pattern)) { found.set(pattern, f); continue; }
    const now = await matchAsync(pattern);
    if (now === null) continue;
    if (now.file !== f.file || now.index !== f.index) {
      log.info(`font: fontconfig now gives ${now.file} for ${JSON.stringify(pattern)} (this start used ${f.file}); the next start uses it`);
    }
    found.set(pattern, now);
  }
  try {
    writeFontAnswers(fontAnswersPath(env), stamp, found);
  } catch (e) {
    log.debug(`font answers not kept: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const FIXED = '-misc-fixed-medium-r-normal--13-120-75-75-c-70-iso10646-1';

/** The config's font names as specs; a name that is neither form is skipped with a warning. */
function specsOf(config: Config): FontSpec[] {
  const out: FontSpec[] = [];
  for (const n of [config.font, ...config.fontFallbacks]) {
    const s = parseFontName(n);
    if (s === null) log.warn(`font ${JSON.stringify(n)}: not a font name; skipped`);
    else out.push(s);
  }
  return out;
}

/** The bar's font: anti-aliased when the config names a face fontconfig finds and the server has RENDER. */
export async function openBarFont(x: XConnection, config: Config, scale: number, match: Match = matchSync): Promise<Font & { name: string }> {
  const specs = specsOf(config);
  const fc = specs.filter((s): s is FcSpec => s.kind === 'fc');
  if (fc.length > 0) {
    const aa = await openAa(x, fc, scale, match);
    if (aa !== null) return aa;
  }
  const core = specs.filter((s) => s.kind === 'core').map((s) => s.name);
  return openCore(x, [...largeScreenFont(x, config), ...core]);
}

async function openAa(x: XConnection, specs: readonly FcSpec[], scale: number, match: Match): Promise<(Font & { name: string }) | null> {
  if (loadFreeType() === null) {
    log.warn('text renderer: core fonts (FreeType, @julusian/freetype2, cannot be loaded here)');
    return null;
  }
  const render = await XRender.open(x);
  const screen = x.screens[0];
  if (render === null || screen === undefined || render.formatOf(screen.visual) === null) {
    log.info('the X server has no RENDER: text is drawn with core fonts');
    return null;
  }
  const located: { spec: FcSpec; file: FontFile }[] = [];
  const faces: Face[] = [];
  for (const spec of specs) {
    const file = locate(spec, match);
    if ('error' in file && fontconfigMissing()) {
      log.info('fontconfig (fc-match) is not installed: text is drawn with core fonts');
      return null;
    }
    if ('error' in file) { log.warn(file.error); continue; }
    const face = Face.open(file, pixelSize(spec, 96 * scale));
    if (face === null) { log.warn(`font ${JSON.stringify(spec.name)}: FreeType cannot read ${file.file}`); continue; }
    located.push({ spec, file });
    faces.push(face);
  }
  const primary = located[0]?.spec;
  if (primary === undefined) return null;
  const source: FaceSource = {
    // Points follow Xft.dpi and the monitor's scale; a size in pixels the monitor's scale only.
    open: (dpi, s) => located.map((l) => Face.open(l.file, pixelSize(l.spec, 96 * dpi) * s)).filter((f): f is Face => f !== null),
    openFile: (file, pixels) => Face.open(file, pixels),
    find: (cp) => matchAsync(coveragePattern(primary.family, cp)),
  };
  const aa = AaFonts.open(render, source, scale, faces);
  if (aa === null) return null;
  log.info(`text renderer: anti-aliased, FreeType from ${freeTypeFrom ?? '?'}`);
  // Each size as it opens: the base one at start, a monitor's scale or a new Xft.dpi later.
  const say = (t: AaText, s: number): void => log.info(`font ${primary.name}: ${located[0]!.file.file} at ${t.pixels.toFixed(1)} px${s === 1 ? '' : ` (monitor scale ${s})`}, anti-aliased`);
  say(aa.at(1), 1);
  aa.onOpen = say;
  return { id: 0, metrics: { ascent: aa.ascent, descent: aa.descent, charWidth: aa.charWidth }, aa, name: primary.name };
}

async function openCore(x: XConnection, names: readonly string[]): Promise<Font & { name: string }> {
  for (const n of [...names, FIXED, 'fixed']) {
    const f = await x.openFont(n);
    if (!isFailure(f)) return { ...f, name: n };
    log.warn(`font ${n}: ${f.name}; trying the next one`);
  }
  throw new Error('no usable font on this server (not even "fixed")');
}

/** With misc-fixed on a large screen (1200 pixels high or more), the same face at 18 pixels
 *  first: 13 pixels is too small to read there. */
function largeScreenFont(x: XConnection, config: Config): string[] {
  const large = x.screens.some((s) => s.height >= 1200);
  const shipped = [config.font, ...config.fontFallbacks].includes(FIXED) || config.font === fallbackConfig().font;
  return large && shipped ? ['-misc-fixed-medium-r-normal--18-120-100-100-c-90-iso10646-1'] : [];
}

/**
 * Core fonts for the characters the bar's core font lacks: the rest of the config's list,
 * then the CJK face of misc-fixed at about the same height. Missing ones are skipped quietly.
 */
export async function openFallbacks(x: XConnection, config: Config, primary: Font & { name: string }): Promise<Font[]> {
  const height = primary.metrics.ascent + primary.metrics.descent;
  const cjk = height <= 15 ? '-misc-fixed-medium-r-normal-ja-13-120-75-75-c-120-iso10646-1'
    : '-misc-fixed-medium-r-normal-ja-18-120-100-100-c-180-iso10646-1';
  const out: Font[] = [];
  const core = specsOf(config).filter((s) => s.kind === 'core').map((s) => s.name);
  for (const n of [...core, cjk]) {
    if (n === primary.name) continue;
    const f = await x.openFont(n);
    if (isFailure(f)) log.debug(`fallback font ${n}: ${f.name}`);
    else out.push(f);
  }
  return out;
}

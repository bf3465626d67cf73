// fontconfig's answers across runs: $XDG_CACHE_HOME/fion/fonts.json holds the font files
// fc-match gave at the last start, for each pattern asked then. A start that finds them still
// good uses them at once instead of waiting for fc-match (a child process: its fork from a
// 50 MiB Node and its wait were ~10 ms of the way to the first frame); the patterns are asked
// again after the first frame, and a changed answer is kept for the next start.
//
// "Still good" means fontconfig's inputs look as they did: the modification times of its
// configuration files and folders, its cache folders (fc-cache rewrites them when fonts are
// installed) and the user's font folders, and the variables that move its configuration.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { FontFile } from '../render/fontconfig.js';
import { readFileCapped } from './readfile.js';
import { writeFileWhole } from './writefile.js';
import { homeFolder, xdgHome } from './xdg.js';

const FORMAT = 'fion-font-answers';
const MAX_BYTES = 64 * 1024;

export const fontAnswersPath = (env: NodeJS.ProcessEnv = process.env): string => join(xdgHome('XDG_CACHE_HOME', env), 'fion', 'fonts.json');

/** What fontconfig's answers depend on, as one string: equal stamps, equal answers (nearly
 *  always; the check after the first frame catches the rest). */
export function fontconfigStamp(env: NodeJS.ProcessEnv = process.env): string {
  const home = homeFolder(env);
  const config = join(xdgHome('XDG_CONFIG_HOME', env), 'fontconfig');
  const paths = [
    '/etc/fonts', '/etc/fonts/fonts.conf', '/etc/fonts/local.conf', '/etc/fonts/conf.d',
    config, join(config, 'fonts.conf'), join(config, 'conf.d'), join(home, '.fonts.conf'), join(home, '.fonts.conf.d'),
    '/usr/share/fonts', '/usr/local/share/fonts', join(xdgHome('XDG_DATA_HOME', env), 'fonts'), join(home, '.fonts'),
    '/var/cache/fontconfig', join(xdgHome('XDG_CACHE_HOME', env), 'fontconfig'),
  ];
  const times = paths.map((p) => {
    try { return statSync(p).mtimeMs; } catch { return 0; }
  });
  const vars = ['FONTCONFIG_FILE', 'FONTCONFIG_PATH', 'FONTCONFIG_SYSROOT', 'LANG', 'LC_ALL', 'LC_CTYPE'].map((v) => env[v] ?? '');
  return JSON.stringify([times, vars]);
}

/** The answers kept under `stamp`, each one's file still there; empty when the file is
 *  missing, unreadable, or was written under another stamp. Never throws. */
export function readFontAnswers(path: string, stamp: string): Map<string, FontFile> {
  const out = new Map<string, FontFile>();
  const read = readFileCapped(path, MAX_BYTES);
  if (read.kind !== 'text') return out;
  let v: unknown;
  try { v = JSON.parse(read.text); } catch { return out; }
  const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  if (o.format !== FORMAT || o.stamp !== stamp || typeof o.answers !== 'object' || o.answers === null) return out;
  for (const [pattern, a] of Object.entries(o.answers as Record<string, unknown>)) {
    const f = fontFile(a);
    if (f === null) continue;
    try { if (!statSync(f.file).isFile()) continue; } catch { continue; }
    out.set(pattern, f);
  }
  return out;
}

function fontFile(a: unknown): FontFile | null {
  if (typeof a !== 'object' || a === null) return null;
  const { file, index, families } = a as Record<string, unknown>;
  if (typeof file !== 'string' || !file.startsWith('/') || typeof index !== 'number' || !Number.isInteger(index) || index < 0) return null;
  if (!Array.isArray(families) || !families.every((f): f is string => typeof f === 'string')) return null;
  return { file, index, families };
}

/** Keeps `answers` under `stamp`; throws when it cannot be written. */
export function writeFontAnswers(path: string, stamp: string, answers: ReadonlyMap<string, FontFile>): void {
  writeFileWhole(path, `${JSON.stringify({ format: FORMAT, stamp, answers: Object.fromEntries(answers) })}\n`);
}

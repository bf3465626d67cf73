// `fion import-i3 [FILE] [-o OUT] [--force]`: an i3 config read as i3 reads it (src/i3/),
// printed as a Fion config that `fion check-config` accepts. The files: which one i3
// would read, its includes, and where the result goes.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { loadDefaults, parseConfig, readConfigFile } from '../config/index.js';
import { parseCommand } from '../commands/index.js';
import { parseI3Config, type IncludeReader } from '../i3/config.js';
import { translateConfig } from '../i3/translate.js';
import { emitYaml, type ImportResult } from '../i3/emit.js';

/** The config i3 reads: XDG_CONFIG_HOME, XDG_CONFIG_DIRS, ~/.i3, /etc/i3 (i3's userguide). */
export function i3ConfigPath(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string | null {
  const home = env.HOME ?? homedir();
  const configHome = env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(home, '.config');
  const dirs = (env.XDG_CONFIG_DIRS !== undefined && env.XDG_CONFIG_DIRS !== '' ? env.XDG_CONFIG_DIRS : '/etc/xdg').split(':').filter((d) => d !== '');
  const candidates = [join(configHome, 'i3', 'config'), ...dirs.map((d) => join(d, 'i3', 'config')), join(home, '.i3', 'config'), '/etc/i3/config'];
  return candidates.find(exists) ?? null;
}

/** `~`, `$VAR` and `${VAR}` expanded, relative to the including file, `*`/`?` in the last part. */
export function includeReader(env: NodeJS.ProcessEnv = process.env): IncludeReader {
  return (pattern, from) => {
    const home = env.HOME ?? homedir();
    let p = pattern.replace(/^"(.*)"$/, '$1').replace(/^~(?=\/|$)/, home).replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a?: string, b?: string) => env[a ?? b ?? ''] ?? '');
    if (!isAbsolute(p)) p = resolve(dirname(from), p);
    const name = basename(p);
    let files = [p];
    if (/[*?[]/.test(name)) {
      const re = new RegExp(`^${name.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
      try {
        files = readdirSync(dirname(p)).filter((f) => re.test(f) && !f.startsWith('.')).sort().map((f) => join(dirname(p), f));
      } catch {
        files = [];
      }
    }
    return files.map((f) => {
      const r = readConfigFile(f);
      return r.ok ? { file: f, text: r.text } : { error: `include ${f}: ${r.error.message}` };
    });
  };
}

/** Import the i3 config at `path`: the Fion YAML and what was carried over. */
export function importI3(text: string, path: string, env: NodeJS.ProcessEnv = process.env): ImportResult {
  const config = parseI3Config(text, path, includeReader(env));
  const { items } = translateConfig(config);
  const validators = { command: (t: string): string | null => { const r = parseCommand(t); return r.ok ? null : r.error; } };
  const base = loadDefaults(validators).config;
  return emitYaml(config, items, path, (yaml) => parseConfig(yaml, 'import', base, validators).errors);
}

/** The subcommand: 0 done, 1 a file problem. Messages go to stderr, the config to stdout or `out`. */
export function runImportI3(opts: { file?: string | undefined; out?: string | undefined; force: boolean }): number {
  const path = opts.file ?? i3ConfigPath();
  if (path === null) {
    process.stderr.write('fion import-i3: no i3 config found (~/.config/i3/config, /etc/xdg/i3/config, ~/.i3/config, /etc/i3/config); name one\n');
    return 1;
  }
  const read = readConfigFile(path);
  if (!read.ok) {
    process.stderr.write(`fion import-i3: ${path}: ${read.error.message}\n`);
    return 1;
  }
  if (opts.out !== undefined && existsSync(opts.out) && !opts.force) {
    process.stderr.write(`fion import-i3: ${opts.out} exists; --force replaces it\n`);
    return 1;
  }
  const r = importI3(read.text, path);
  if (opts.out === undefined) process.stdout.write(r.yaml);
  else writeFileSync(opts.out, r.yaml);
  const c = r.counts;
  process.stderr.write(`fion import-i3: ${path}: ${c.mapped} lines mapped, ${c.partly} in part, ${c.unsupported} not supported (kept as comments), ${c.consumed} read by i3 itself (set, include)${opts.out === undefined ? '' : `; wrote ${opts.out}`}\n`);
  for (const e of r.leftErrors) process.stderr.write(`fion import-i3: the result still has an error: ${e}\n`);
  return r.leftErrors.length === 0 ? 0 : 1;
}

// Desktop Entry files (freedesktop Desktop Entry Specification 1.5) as XDG autostart reads
// them: the [Desktop Entry] group's keys, and whether and how an entry is started. Pure:
// what is on disk and in PATH is asked through the `exists` given.

/** The [Desktop Entry] group: key -> value, with the string escapes undone. Localised
 *  keys (`Name[fr]`) and other groups are left out. */
export type DesktopEntry = ReadonlyMap<string, string>;

/** Undo the escapes of a string value: \s \n \t \r \\ (and \; kept for lists). */
function unescapeValue(v: string): string {
  return v.replace(/\\([sntr\\;])/g, (_m, c: string) => (c === 's' ? ' ' : c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === ';' ? '\\;' : '\\'));
}

/** The [Desktop Entry] group of a file's text; garbage lines are skipped, never thrown on. */
export function parseDesktopEntry(text: string): DesktopEntry {
  const out = new Map<string, string>();
  let inMain = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      inMain = line === '[Desktop Entry]';
      continue;
    }
    if (!inMain) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    if (!/^[A-Za-z0-9-]+$/.test(key) || out.has(key)) continue; // localised keys, duplicates
    out.set(key, unescapeValue(line.slice(eq + 1).trim()));
  }
  return out;
}

/** A `;`-separated list value (`\;` is a `;` inside an item). */
export function listValue(v: string | undefined): string[] {
  if (v === undefined) return [];
  return v.split(/(?<!\\);/).map((s) => s.replace(/\\;/g, ';').trim()).filter((s) => s !== '');
}

const isTrue = (v: string | undefined): boolean => v === 'true';

/**
 * The Exec key as argv: quoted arguments ("..." with \" \` \$ \\ escaped inside) and field
 * codes dropped (%f %F %u %U %i %c %k and the deprecated %d %D %n %N %v %m; an argument
 * that was only a field code goes away), %% is a %. Null when it is malformed or empty.
 */
export function execArgv(exec: string): string[] | null {
  const args: string[] = [];
  let cur = '';
  let started = false;
  let quoted = false;
  for (let i = 0; i < exec.length; i++) {
    const ch = exec[i]!;
    if (quoted) {
      if (ch === '\\' && i + 1 < exec.length && '"`$\\'.includes(exec[i + 1]!)) cur += exec[++i];
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') {
      quoted = true;
      started = true;
    } else if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (started) args.push(cur);
      cur = '';
      started = false;
    } else {
      cur += ch;
      started = true;
    }
  }
  if (quoted) return null;
  if (started) args.push(cur);
  const out: string[] = [];
  for (const a of args) {
    if (/^%[fFuUickdDnNvm]$/.test(a)) continue;
    out.push(a.replace(/%(.)/g, (_m, c: string) => (c === '%' ? '%' : '')));
  }
  return out.length === 0 || out[0] === '' ? null : out;
}

export type AutostartDecision = { readonly run: readonly string[] } | { readonly skip: string };

/**
 * Whether an autostart entry runs in the desktop(s) `desktops` (XDG_CURRENT_DESKTOP split on
 * `:`), and its argv: Type Application only, not Hidden, OnlyShowIn naming one of them,
 * NotShowIn naming none, TryExec a program that `exists`, and an Exec that parses.
 */
export function autostartDecision(entry: DesktopEntry, desktops: readonly string[], exists: (program: string) => boolean): AutostartDecision {
  const type = entry.get('Type');
  if (type !== undefined && type !== 'Application') return { skip: `Type=${type}` };
  if (isTrue(entry.get('Hidden'))) return { skip: 'Hidden' };
  const only = listValue(entry.get('OnlyShowIn'));
  if (entry.has('OnlyShowIn') && !only.some((d) => desktops.includes(d))) return { skip: `OnlyShowIn=${only.join(';')}` };
  const not = listValue(entry.get('NotShowIn'));
  if (not.some((d) => desktops.includes(d))) return { skip: `NotShowIn=${not.join(';')}` };
  const tryExec = entry.get('TryExec');
  if (tryExec !== undefined && tryExec !== '' && !exists(tryExec)) return { skip: `TryExec ${tryExec} not found` };
  const exec = entry.get('Exec');
  if (exec === undefined) return { skip: 'no Exec' };
  const argv = execArgv(exec);
  return argv === null ? { skip: `bad Exec ${JSON.stringify(exec)}` } : { run: argv };
}

/**
 * Which files to read: the autostart folders in precedence order (the user's first), each
 * with its file names; a `.desktop` name seen in an earlier folder hides the later ones
 * (even when the earlier one is Hidden: that is how a user turns a system entry off).
 */
export function autostartFiles(folders: readonly { readonly dir: string; readonly names: readonly string[] }[]): { name: string; path: string }[] {
  const seen = new Set<string>();
  const out: { name: string; path: string }[] = [];
  for (const f of folders) {
    for (const name of [...f.names].sort()) {
      if (!name.endsWith('.desktop') || seen.has(name)) continue;
      seen.add(name);
      out.push({ name, path: `${f.dir.replace(/\/+$/, '')}/${name}` });
    }
  }
  return out;
}

/** The autostart folders: $XDG_CONFIG_HOME/autostart (default ~/.config), then each of
 *  $XDG_CONFIG_DIRS (default /etc/xdg) with /autostart; relative paths are ignored (spec). */
export function autostartFolders(env: { readonly [k: string]: string | undefined }, home: string): string[] {
  const abs = (p: string | undefined): p is string => p !== undefined && p.startsWith('/');
  const configHome = abs(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : `${home}/.config`;
  const dirs = (env.XDG_CONFIG_DIRS ?? '').split(':').filter(abs);
  return [configHome, ...(dirs.length > 0 ? dirs : ['/etc/xdg'])].map((d) => `${d.replace(/\/+$/, '')}/autostart`);
}

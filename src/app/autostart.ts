// Autostart at session start: the XDG autostart entries (the user's folder, then the
// system's; a user entry hides a system one of the same file name), then the config's
// `autostart` list. Never at `restart` or after a crash: those programs are running
// already. A file that cannot be read or an entry that cannot start is logged and skipped.
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { autostartDecision, autostartFiles, autostartFolders, parseDesktopEntry } from '../text/desktopentry.js';
import { splitWords } from '../text/words.js';
import { log } from '../log.js';

/** Whether `program` is an executable file: a path as it is, a bare name along PATH. */
export function programExists(program: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const executable = (p: string): boolean => {
    try {
      if (!statSync(p).isFile()) return false;
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (program.includes('/')) return isAbsolute(program) && executable(program);
  return (env.PATH ?? '').split(delimiter).some((d) => d !== '' && executable(join(d, program)));
}

function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return []; // no such folder: nothing to start from it
  }
}

/** What autostart would start now: each entry's argv (entries first, then the config's). */
export function autostartCommands(configured: readonly string[], env: NodeJS.ProcessEnv = process.env): { from: string; argv: readonly string[] }[] {
  const desktops = (env.XDG_CURRENT_DESKTOP ?? '').split(':').filter((d) => d !== '');
  const folders = autostartFolders(env, env.HOME ?? homedir()).map((dir) => ({ dir, names: namesIn(dir) }));
  const out: { from: string; argv: readonly string[] }[] = [];
  for (const f of autostartFiles(folders)) {
    let text: string;
    try {
      text = readFileSync(f.path, 'utf8');
    } catch (e) {
      log.warn(`autostart ${f.path}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const d = autostartDecision(parseDesktopEntry(text), desktops, (p) => programExists(p, env));
    if ('skip' in d) log.info(`autostart ${f.path}: skipped (${d.skip})`);
    else out.push({ from: f.path, argv: d.run });
  }
  for (const line of configured) {
    const words = splitWords(line);
    if (words.ok && words.words.length > 0) out.push({ from: 'config autostart', argv: words.words });
    else log.warn(`autostart: cannot run ${JSON.stringify(line)}`);
  }
  return out;
}

/** Start every autostart program with `start` (Fion's way of starting programs). */
export function runAutostart(configured: readonly string[], start: (argv: readonly string[]) => void, env: NodeJS.ProcessEnv = process.env): void {
  for (const c of autostartCommands(configured, env)) {
    log.info(`autostart (${c.from}): ${c.argv.join(' ')}`);
    start(c.argv);
  }
}

// How to start a window's program again (a session's recipe). Best: its own command line and
// working folder, from /proc of its _NET_WM_PID, when WM_CLIENT_MACHINE says it runs on this
// host; for a terminal, the folder of the shell it runs (where the user cd'ed to). Else
// WM_COMMAND (ICCCM's own restart command), else the .desktop entry whose StartupWMClass is
// its class. chooseRecipe is pure; the readers below it do the I/O.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { execArgv, parseDesktopEntry } from '../text/desktopentry.js';
import type { Recipe } from '../model/index.js';
import { xdgHome } from './xdg.js';

/** What is known of a window's process. */
export interface ProcessFacts {
  /** Its command line (null: unreadable). */
  readonly cmdline: readonly string[] | null;
  readonly cwd: string | null;
  /** The working folders of the shells among its children, oldest first. */
  readonly shellCwds: readonly string[];
}

export interface WindowFacts {
  readonly class: string;
  /** The process, when its pid is known and it runs on this host. */
  readonly process: ProcessFacts | null;
  /** WM_COMMAND's words (empty: unset). */
  readonly wmCommand: readonly string[];
  /** Exec lines of .desktop entries whose StartupWMClass is the class, as argv. */
  readonly desktopExec: readonly (readonly string[])[];
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'fish', 'ksh', 'mksh', 'tcsh', 'csh', 'nu', 'elvish', 'xonsh']);

/** Whether a process name is a shell (a login shell's name starts with '-'). */
export const isShell = (comm: string): boolean => SHELLS.has(comm.replace(/^-/, '').split('/').pop() ?? '');

/** The recipe for a window, or null when nothing says how to start it. */
export function chooseRecipe(f: WindowFacts): Recipe | null {
  const p = f.process;
  const argv = p?.cmdline ?? [];
  if (p !== null && argv.length > 0 && argv[0] !== '') {
    // A terminal: the shell's folder is where the user was; the terminal's own is where it started.
    const cwd = p.shellCwds[0] ?? p.cwd;
    return { argv, ...(cwd === null ? {} : { cwd }) };
  }
  if (f.wmCommand.length > 0 && f.wmCommand[0] !== '') return { argv: f.wmCommand };
  const exec = f.desktopExec.find((a) => a.length > 0);
  return exec === undefined ? null : { argv: exec };
}

/** WM_COMMAND's value (Latin-1 words, each ended by a NUL). */
export function decodeWmCommand(data: Buffer | null): string[] {
  if (data === null || data.length === 0) return [];
  const words = data.toString('latin1').split('\0');
  if (words.at(-1) === '') words.pop();
  return words;
}

function read(path: string): string | null {
  try { return readFileSync(path, 'utf8'); } catch { return null; }
}

/** The /proc facts of process `pid` (null when it is gone or /proc unreadable). */
export function readProcess(pid: number, proc = '/proc'): ProcessFacts | null {
  const raw = read(`${proc}/${pid}/cmdline`);
  if (raw === null) return null;
  const cmdline = raw === '' ? null : raw.replace(/\0$/, '').split('\0');
  let cwd: string | null = null;
  try { cwd = readlinkSync(`${proc}/${pid}/cwd`); } catch { /* another user's, or gone */ }
  const shellCwds: string[] = [];
  let tasks: string[] = [];
  try { tasks = readdirSync(`${proc}/${pid}/task`); } catch { /* gone */ }
  const children = tasks.flatMap((t) => (read(`${proc}/${pid}/task/${t}/children`) ?? '').trim().split(/\s+/).filter((x) => /^\d+$/.test(x)));
  for (const child of children) {
    const comm = (read(`${proc}/${child}/comm`) ?? '').trim();
    if (!isShell(comm)) continue;
    try { shellCwds.push(readlinkSync(`${proc}/${child}/cwd`)); } catch { /* gone */ }
  }
  return { cmdline, cwd, shellCwds };
}

/** The `applications` folders of the XDG data dirs, the user's first. */
function applicationDirs(env: NodeJS.ProcessEnv): string[] {
  const home = xdgHome('XDG_DATA_HOME', env);
  const dirs = (env.XDG_DATA_DIRS ?? '/usr/local/share:/usr/share').split(':').filter((d) => d.startsWith('/'));
  return [home, ...dirs].map((d) => join(d, 'applications'));
}

/** Exec lines (as argv, field codes dropped) of the .desktop entries whose StartupWMClass is `klass`. */
export function desktopExecFor(klass: string, env: NodeJS.ProcessEnv = process.env): string[][] {
  if (klass === '') return [];
  const out: string[][] = [];
  for (const dir of applicationDirs(env)) {
    let names: string[] = [];
    try { names = readdirSync(dir).filter((n) => n.endsWith('.desktop')).slice(0, 2000); } catch { continue; }
    for (const n of names) {
      const text = read(join(dir, n));
      if (text === null || !text.includes(klass)) continue;
      const e = parseDesktopEntry(text);
      if (e.get('StartupWMClass') !== klass) continue;
      const argv = execArgv(e.get('Exec') ?? '');
      if (argv !== null && argv.length > 0) out.push(argv);
    }
  }
  return out;
}

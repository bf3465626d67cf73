// The first steps of a run, kept light so Fion owns the root soon after exec:
// connect, intern atoms, take over (ICCCM 2.8). Only then is the rest of Fion
// loaded (config, model, layout, renderer, bar: most of the start-up time).
// Events that arrive meanwhile are kept and handled in order once it runs.
import { XConnection } from '../x/connection.js';
import { internAtoms } from '../x/atoms.js';
import type { XEvent } from '../x/events.js';
import { ErrorCode } from '../x/types.js';
import { takeOver, AnotherWmRunning, type Ownership } from '../manage/takeover.js';
import type { RunOptions } from './start.js';
import { addLogSink, log } from '../log.js';
import { logFilePath, openLogFile } from '../persist/logfile.js';
import type { FontsAhead } from './fonts.js';

/** Runs Fion until it exits; resolves to the exit code. Throws AnotherWmRunning. */
export async function boot(opts: RunOptions): Promise<number> {
  // What bin/fion's supervisor says is for this process only, not for the programs it
  // starts (a Fion started from a terminal in this session is not supervised).
  const env = process.env;
  const supervisor = {
    supervised: env.FION_SUPERVISOR === '1', restarted: env.FION_RESTART === '1', plain: env.FION_PLAIN === '1',
    safe: env.FION_SAFE === '1', crashes: Math.max(0, Number(env.FION_CRASHED ?? 0) || 0),
  };
  const crash = env.FION_CRASH_HOW;
  for (const k of ['FION_SUPERVISOR', 'FION_RESTART', 'FION_PLAIN', 'FION_SAFE', 'FION_CRASHED', 'FION_CRASH_HOW']) delete env[k];
  // The log file: a new session starts a new one; a restart or a crash goes on in it.
  const path = logFilePath(env);
  const sink = openLogFile(path, !supervisor.restarted);
  if (typeof sink === 'string') log.warn(`no log file ${path}: ${sink}`);
  else addLogSink(sink);
  if (crash !== undefined) log.error(`the last Fion ${crash} (crash ${supervisor.crashes} in a row)`);
  const x = await XConnection.connect(opts.display);
  const early: XEvent[] = [];
  x.onEvent((ev) => early.push(ev));
  x.onError((f) => {
    // A window that vanished between its event and our request: routine.
    if (f.code === ErrorCode.BadWindow || f.code === ErrorCode.BadMatch || f.code === ErrorCode.BadDrawable) log.debug(`X error ${f}`);
    else log.warn(`X error ${f}`);
  });
  const atoms = await internAtoms(x);
  let owned: Ownership[];
  try {
    // Run again by the supervisor after a restart: the old Fion may not have let go quite yet.
    owned = await takeOver(x, atoms, opts.replace || supervisor.restarted);
  } catch (e) {
    await x.close();
    throw e;
  }
  const cpu = process.cpuUsage();
  log.debug(`owning the root ${(process.uptime() * 1000).toFixed(0)} ms after the process started (${((cpu.user + cpu.system) / 1000).toFixed(0)} ms of CPU)`);
  // fc-match for the default fonts runs in child processes while the rest of Fion loads.
  const fontsAsked = import('./fonts.js').then((m) => m.askDefaultFonts()).catch((e: unknown): FontsAhead => {
    log.debug(`default fonts not asked ahead: ${String(e)}`);
    return { answers: new Map(), stamp: '', kept: new Set() };
  });
  const { run } = await import('./start.js');
  return run(opts, { x, atoms, owned, early, supervisor, fontsAsked });
}

export { AnotherWmRunning };

// The Fion under attack: one the chaos client starts itself (on its own Xvfb),
// or one already running on a display. Knows whether it is still alive and
// how much memory it holds.
import { readFileSync } from 'node:fs';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { startXvfb, stopProcess, type Xvfb } from '../../test/harness/xvfb.js';
import { fionBin } from '../../test/harness/fion.js';
import { waitFor } from '../../test/harness/wait.js';
import { tempDir } from '../../test/harness/tmp.js';

export interface Target {
  readonly display: string;
  /** Fion's process id when known (for RSS and liveness). */
  readonly pid: number | null;
  /** Resolves with a description when Fion's process exits; never for a foreign Fion whose pid is unknown. */
  readonly exited: Promise<string>;
  /** The tail of Fion's log (stderr), when we started it. */
  log(): string;
  /** The process whose memory is Fion's (under a supervisor: its Node child). */
  rssPid?(): number | null;
  /** Kill Fion's Node process (kill -9) and wait until the supervisor's new Fion manages the display. */
  crash?(): Promise<void>;
}

/** Resident set size of a process in KiB, from /proc; null when unknown. */
export function rssKiB(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? null : Number(m[1]);
  } catch {
    return null;
  }
}

export function isAlive(pid: number | null): boolean {
  if (pid === null) return true;
  try { process.kill(pid, 0); return true; } catch { return false; }
}

const LOG_KEEP = 1 << 20;

export interface OwnTarget extends Target {
  stop(): Promise<void>;
}

/**
 * Fion on `display`, without --verbose: logging every event would measure the logger, and
 * stderr to a pipe is synchronous on Linux, so a busy reader would stall Fion.
 */
export async function startFionOn(display: string, o: { verbose?: boolean; args?: readonly string[]; supervised?: boolean } = {}): Promise<OwnTarget> {
  const args = ['--display', display, ...(o.verbose ? ['--verbose'] : []), ...(o.args ?? [])];
  // Supervised: bin/fion's sh supervisor (which starts Fion again after a crash), in a
  // process group of its own; each kill counts as the first of a streak (FION_CRASH_WINDOW).
  const p: ChildProcess = spawn(o.supervised === true ? fionBin : process.execPath, o.supervised === true ? args : [fionBin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: o.supervised === true,
    env: {
      ...process.env, XDG_CONFIG_HOME: '/nonexistent-fion-chaos', XDG_STATE_HOME: tempDir('fion-chaos-state-'), DISPLAY: display,
      ...(o.supervised === true ? { FION_CRASH_WINDOW: '0', XDG_RUNTIME_DIR: tempDir('fion-chaos-run-') } : {}),
    },
  });
  let out = '';
  const keep = (d: Buffer): void => {
    out += d.toString();
    if (out.length > LOG_KEEP * 2) out = out.slice(-LOG_KEEP);
  };
  p.stderr?.on('data', keep);
  p.stdout?.on('data', keep);
  const exited = new Promise<string>((resolve) => {
    p.on('exit', (code, signal) => resolve(signal !== null ? `killed by ${signal}` : `exit code ${code}`));
  });
  let gone = false;
  void exited.then(() => { gone = true; });
  try {
    await waitFor('Fion to start', () => {
      if (gone) throw new Error(`Fion exited during start-up:\n${out}`);
      return /info: managing /.test(out);
    }, 15000);
  } catch (e) {
    await stopProcess(p);
    throw e;
  }
  const pid = p.pid ?? null;
  if (o.supervised !== true) return { display, pid, exited, log: () => out, stop: () => stopProcess(p) };
  const child = (): number | null => {
    try { return Number(execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n')[0]) || null; } catch { return null; }
  };
  const managing = (): number => (out.match(/info: managing /g) ?? []).length;
  return {
    display, pid, exited, log: () => out, rssPid: child,
    async crash() {
      const node = child();
      if (node === null) return;
      const ready = managing();
      process.kill(node, 'SIGKILL');
      await waitFor('the supervisor\'s new Fion', () => managing() > ready, 20000);
    },
    stop: async () => {
      try { process.kill(-(pid ?? 0), 'SIGTERM'); } catch { /* gone */ }
      await stopProcess(p);
    },
  };
}

/** A private Xvfb and a Fion on it. */
export async function startOwnTarget(o: { verbose?: boolean; screen?: readonly [number, number]; supervised?: boolean; args?: readonly string[] } = {}): Promise<OwnTarget> {
  const xvfb: Xvfb = await startXvfb({ screens: [o.screen ?? [1280, 800]] });
  try {
    const fion = await startFionOn(xvfb.display, o);
    return {
      ...fion,
      async stop() {
        await fion.stop();
        await xvfb.stop();
      },
    };
  } catch (e) {
    await xvfb.stop();
    throw e;
  }
}

/** A Fion someone else runs on `display`; `pid` if known. */
export function foreignTarget(display: string, pid: number | null): Target {
  const exited = pid === null ? new Promise<string>(() => {}) : new Promise<string>((resolve) => {
    const t = setInterval(() => {
      if (!isAlive(pid)) { clearInterval(t); resolve('process gone'); }
    }, 200);
    t.unref();
  });
  return { display, pid, exited, log: () => '' };
}

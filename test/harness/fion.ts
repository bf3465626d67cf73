// Starting Fion from the built code on a test display, and stopping it.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stopProcess } from './xvfb.js';
import { waitFor } from './wait.js';
import { tempDir } from './tmp.js';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const fionBin = `${repoRoot}bin/fion`;

export interface Fion {
  readonly process: ChildProcess;
  /** Everything Fion wrote to stderr so far. */
  log(): string;
  /** Resolves with the exit code (or signal name) once Fion has exited. */
  readonly exited: Promise<number | string>;
  stop(): Promise<void>;
}

export interface FionOptions {
  readonly args?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Wait for the "managing" log line (default true). */
  readonly waitReady?: boolean;
  /** Run bin/fion as a program (its sh supervisor, which restarts Fion), not `node bin/fion`. */
  readonly supervised?: boolean;
  /** Another built tree's bin/fion (default: this checkout's). */
  readonly bin?: string;
}

const running = new Set<ChildProcess>();
const supervisors = new WeakSet<ChildProcess>();

/** Stop every Fion this test file started (a failed test must not leave one behind). */
export async function stopAllFions(): Promise<void> {
  await Promise.all([...running].map((p) => (supervisors.has(p) ? stopGroup(p) : stopProcess(p))));
}

/** SIGTERM to the supervisor (it passes it on), then SIGKILL to its whole group. */
function stopGroup(p: ChildProcess, graceMs = 3000): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null || p.pid === undefined) return Promise.resolve();
  const pid = p.pid;
  return new Promise((resolve) => {
    const t = setTimeout(() => { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }, graceMs);
    p.once('exit', () => { clearTimeout(t); resolve(); });
    p.kill('SIGTERM');
  });
}

export function runFion(display: string, opts: FionOptions = {}): Fion {
  const bin = opts.bin ?? fionBin;
  const args = ['--display', display, '--verbose', ...(opts.args ?? [])];
  const p = spawn(opts.supervised === true ? bin : process.execPath, opts.supervised === true ? args : [bin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The supervisor and its Node in a process group of their own, so both can be killed.
    detached: opts.supervised === true,
    // A private config home and no system config (an installed package's /etc/xdg/fion):
    // neither the user's nor the machine's config leaks into a test; a log file of
    // its own (a test never writes into or rotates the user's log) and a cache of its own (the
    // bundle's code cache); no session bus, so a test Fion never changes the session's
    // activation environment; no system autostart folder.
    env: {
      ...process.env, XDG_CONFIG_HOME: '/nonexistent-fion-test', XDG_CONFIG_DIRS: '/nonexistent-fion-test', XDG_STATE_HOME: tempDir('fion-state-home-'),
      XDG_CACHE_HOME: tempDir('fion-cache-home-'), DBUS_SESSION_BUS_ADDRESS: '',
      ...opts.env, DISPLAY: display,
    },
  });
  running.add(p);
  if (opts.supervised === true) supervisors.add(p);
  p.on('exit', () => running.delete(p));
  let out = '';
  p.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
  p.stdout?.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<number | string>((resolve) => {
    p.on('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  const stop = opts.supervised === true ? () => stopGroup(p) : () => stopProcess(p);
  return { process: p, log: () => out, exited, stop };
}

/** Start Fion and wait until it manages the display. */
export async function startFion(display: string, opts: FionOptions = {}): Promise<Fion> {
  const f = runFion(display, opts);
  if (opts.waitReady !== false) {
    let gone = false;
    void f.exited.then(() => { gone = true; });
    await waitFor('Fion to start', () => {
      if (gone) throw new Error(`Fion exited during start-up:\n${f.log()}`);
      return /info: managing /.test(f.log());
    }, 15000);
  }
  return f;
}

/** Run the CLI to completion (for --help, check-config ...). */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [fionBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    p.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    p.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

// Starting Fion from the built code on a test display, and stopping it.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stopProcess } from './xvfb.js';
import { waitFor } from './wait.js';

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
}

const running = new Set<ChildProcess>();

/** Stop every Fion this test file started (a failed test must not leave one behind). */
export async function stopAllFions(): Promise<void> {
  await Promise.all([...running].map((p) => stopProcess(p)));
}

export function runFion(display: string, opts: FionOptions = {}): Fion {
  const p = spawn(process.execPath, [fionBin, '--display', display, '--verbose', ...(opts.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // A private config home: the user's own config never leaks into a test.
    env: { ...process.env, XDG_CONFIG_HOME: '/nonexistent-fion-test', ...opts.env, DISPLAY: display },
  });
  running.add(p);
  p.on('exit', () => running.delete(p));
  let out = '';
  p.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
  p.stdout?.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<number | string>((resolve) => {
    p.on('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  return { process: p, log: () => out, exited, stop: () => stopProcess(p) };
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

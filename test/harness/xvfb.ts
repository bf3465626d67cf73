// A private Xvfb per test file: -displayfd lets the server pick a free
// display number, so test files can run in parallel without clashing.
import { spawn, type ChildProcess } from 'node:child_process';

export interface Xvfb {
  readonly display: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

export interface XvfbOptions {
  /** One entry per X screen: [width, height]. Default one 1280x800 screen. */
  readonly screens?: readonly (readonly [number, number])[];
  readonly extraArgs?: readonly string[];
}

export function startXvfb(opts: XvfbOptions = {}): Promise<Xvfb> {
  const screens = opts.screens ?? [[1280, 800]];
  const args: string[] = ['-displayfd', '3', '-noreset', '-nolisten', 'tcp'];
  screens.forEach(([w, h], i) => args.push('-screen', String(i), `${w}x${h}x24`));
  args.push(...(opts.extraArgs ?? []));
  const p = spawn('Xvfb', args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  p.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => { p.kill('SIGKILL'); reject(new Error(`Xvfb did not start: ${stderr}`)); }, 15000);
    const fd3 = p.stdio[3] as NodeJS.ReadableStream | undefined;
    fd3?.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /^(\d+)\n/.exec(buf);
      if (m === null) return;
      clearTimeout(timer);
      const display = `:${m[1]}`;
      // xdotool's first key on a new server rewrites the keyboard and modifier maps
      // (MappingNotify) just before sending the key; a window manager regrabbing its
      // bindings after that notify can't have done so yet, and the test's first key would
      // go to a client instead. One key before any window manager runs takes that first.
      const warm = spawn('xdotool', ['key', 'super+shift+v'], { stdio: 'ignore', env: { ...process.env, DISPLAY: display } });
      const done = (): void => resolve({ display, process: p, stop: () => stopProcess(p) });
      warm.on('error', done); // no xdotool: nothing to warm up
      warm.on('exit', done);
    });
    p.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited (${code}): ${stderr}`)); });
  });
}

/** SIGTERM, then SIGKILL after a grace period; resolves once the process is gone. */
export function stopProcess(p: ChildProcess, graceMs = 2000): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => p.kill('SIGKILL'), graceMs);
    p.once('exit', () => { clearTimeout(t); resolve(); });
    p.kill('SIGTERM');
  });
}

// Real client programs (xterm, xmessage, ...) started on the test display,
// every one of them killed when the test file ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { stopProcess } from './xvfb.js';

const started = new Set<ChildProcess>();

export function startClient(display: string, cmd: string, args: readonly string[] = []): ChildProcess {
  const p = spawn(cmd, args, { stdio: 'ignore', env: { ...process.env, DISPLAY: display } });
  started.add(p);
  p.on('exit', () => started.delete(p));
  return p;
}

export async function stopClients(): Promise<void> {
  await Promise.all([...started].map((p) => stopProcess(p, 500)));
}

/** Run a command to completion (xdotool, wmctrl, xprop ...); `env` instead of this process's. */
export function runTool(display: string, cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, DISPLAY: display } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    p.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    p.on('error', (e) => resolve({ code: -1, stdout, stderr: String(e) }));
    p.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** xdotool key ... (e.g. key('super+Return')). */
export async function key(display: string, ...keys: string[]): Promise<void> {
  const r = await runTool(display, 'xdotool', ['key', ...keys]);
  if (r.code !== 0) throw new Error(`xdotool key ${keys.join(' ')} failed: ${r.stderr}`);
}

/** Run xrandr on `display`; a failure throws with its stderr. */
export async function xrandr(display: string, ...args: string[]): Promise<void> {
  const r = await runTool(display, 'xrandr', args);
  if (r.code !== 0) throw new Error(`xrandr ${args.join(' ')}: ${r.stderr}`);
}

// Every process the benchmark starts goes through here, so it can be killed by
// PID at the end, on an error, on Ctrl-C, and on process exit. Nothing is ever
// killed by name.
import { spawn, fork, execFileSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';

const live = new Set<ChildProcess>();
/**
 * Top level: every child leads its own process group. A session process instead keeps its
 * Xvfb and window manager in its own group, so that the top level, killing the session's
 * group by its id, ends them too, even when the session is too busy to handle a signal.
 */
let ownGroups = true;
export function keepChildrenInMyGroup(): void { ownGroups = false; }

function killNow(p: ChildProcess, signal: NodeJS.Signals): void {
  if (p.pid === undefined || p.exitCode !== null || p.signalCode !== null) return;
  if (p.spawnargs.length > 0 && (p as ChildProcess & { benchGroup?: boolean }).benchGroup === true) {
    try { process.kill(-p.pid, signal); } catch { /* group already gone */ }
  }
  try { process.kill(p.pid, signal); } catch { /* already gone */ }
}

/** Kill everything still running, synchronously (usable from 'exit'). */
export function killAll(): void {
  for (const p of live) killNow(p, 'SIGKILL');
  live.clear();
}

let installed = false;
export function installExitHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      process.stderr.write(`\nbench: ${sig}: stopping the processes it started\n`);
      killAll();
      process.exit(130);
    });
  }
  process.on('uncaughtException', (e) => {
    process.stderr.write(`bench: ${e.stack ?? e.message}\n`);
    killAll();
    process.exit(1);
  });
}

export interface Started {
  readonly process: ChildProcess;
  readonly pid: number;
  readonly log: string | null;
}

/** Start a tracked process in its own process group; stdout+stderr go to `logFile` if given. */
export function start(cmd: string, args: readonly string[], opts: SpawnOptions & { logFile?: string } = {}): Started {
  // The log goes straight to a file descriptor: a manager that logs a lot (herbstluftwm logs
  // every X error, millions of lines with 500 windows) must not cost the benchmark client CPU.
  const fd = opts.logFile === undefined ? null : openSync(opts.logFile, 'w');
  const stdio = opts.stdio ?? (fd === null ? ['ignore', 'ignore', 'ignore'] : ['ignore', fd, fd]);
  const p = spawn(cmd, args, { ...opts, detached: ownGroups, stdio });
  if (fd !== null) closeSync(fd);
  (p as ChildProcess & { benchGroup?: boolean }).benchGroup = ownGroups;
  live.add(p);
  p.on('exit', () => { live.delete(p); });
  p.on('error', () => { live.delete(p); });
  if (p.pid === undefined) throw new Error(`cannot start ${cmd}`);
  return { process: p, pid: p.pid, log: opts.logFile ?? null };
}

/** Run a Node module in a tracked child process (its own group); resolves to the one message it sends. */
export function runChild<T>(module: string, args: readonly string[]): Promise<T> {
  const p = fork(module, args, { detached: true, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  (p as ChildProcess & { benchGroup?: boolean }).benchGroup = true;
  live.add(p);
  return new Promise((resolve, reject) => {
    let result: T | undefined;
    p.on('message', (m) => { result = m as T; });
    p.on('exit', (code, signal) => {
      live.delete(p);
      // Whatever the session left behind in its group (it normally leaves nothing).
      try { process.kill(-p.pid!, 'SIGKILL'); } catch { /* group gone */ }
      if (result !== undefined) resolve(result);
      else reject(new Error(`session process exited (code ${code}, signal ${signal}) without a result`));
    });
  });
}

/** SIGTERM, SIGKILL after `graceMs`; resolves once the process has exited. */
export function stop(s: Started | ChildProcess, graceMs = 2000): Promise<void> {
  const p = 'process' in s ? s.process : s;
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => killNow(p, 'SIGKILL'), graceMs);
    p.once('exit', () => { clearTimeout(t); live.delete(p); resolve(); });
    killNow(p, 'SIGTERM');
  });
}

/** A private Xvfb; -displayfd lets the server pick a free display. */
export function startXvfb(width = 1280, height = 800): Promise<{ display: string; server: Started }> {
  const server = start('Xvfb', ['-displayfd', '3', '-noreset', '-nolisten', 'tcp', '-screen', '0', `${width}x${height}x24`],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const p = server.process;
  let stderr = '';
  p.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => { void stop(server, 0); reject(new Error(`Xvfb did not start: ${stderr}`)); }, 15000);
    const fd3 = p.stdio[3] as NodeJS.ReadableStream | undefined;
    fd3?.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /^(\d+)\n/.exec(buf);
      if (m === null) return;
      clearTimeout(timer);
      resolve({ display: `:${m[1]}`, server });
    });
    p.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited (${code}): ${stderr}`)); });
  });
}

// ---- /proc ----
let clkTck = 0;
function ticksPerSecond(): number {
  if (clkTck === 0) {
    try { clkTck = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100; } catch { clkTck = 100; }
  }
  return clkTck;
}

/** `pid` and everything it runs (a supervisor and its window manager): what a session costs. */
async function processTree(pid: number): Promise<number[]> {
  const { readFile } = await import('node:fs/promises');
  const out: number[] = [];
  const todo = [pid];
  while (todo.length > 0) {
    const p = todo.pop()!;
    out.push(p);
    try {
      const kids = await readFile(`/proc/${p}/task/${p}/children`, 'utf8');
      for (const k of kids.split(' ')) if (k.trim() !== '') todo.push(Number(k));
    } catch { /* gone meanwhile, or a kernel without the children file: the process alone */ }
  }
  return out;
}

/** CPU seconds (user + system) used so far by `pid` and the processes it runs. */
export async function cpuSeconds(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  let sum = 0;
  for (const p of await processTree(pid)) {
    try {
      const stat = await readFile(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // After the comm field: state is field 3; utime/stime are fields 14/15 (index 11/12 here).
      sum += (Number(fields[11]) + Number(fields[12])) / ticksPerSecond();
    } catch { /* gone meanwhile */ }
  }
  return sum;
}

/** VmRSS of `pid` and the processes it runs, in MiB. */
export async function rssMiB(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  let kib = 0;
  for (const p of await processTree(pid)) {
    try {
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(await readFile(`/proc/${p}/status`, 'utf8'));
      if (m !== null) kib += Number(m[1]);
    } catch { /* gone meanwhile */ }
  }
  return kib / 1024;
}

/** Whether `cmd` is on $PATH. */
export function which(cmd: string): string | null {
  try { return execFileSync('sh', ['-c', `command -v ${cmd}`]).toString().trim() || null; } catch { return null; }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

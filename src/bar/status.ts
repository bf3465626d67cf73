// The status command: a child process whose stdout feeds the bar's status
// blocks (i3bar protocol or plain lines). It runs without a shell unless the
// config asks for one; when it dies the bar says so and it is started again
// after a growing pause; when it floods, only its newest status is kept; when
// it hangs, nothing waits for it. Clicks go back on its stdin when its header
// asks for them.
import type { ChildProcess } from 'node:child_process';
import { childProcess } from '../childprocess.js';
import { StringDecoder } from 'node:string_decoder';
import { splitWords } from '../text/words.js';
import { I3barParser, clickEvent, type StatusBlock } from './i3bar.js';
import { log } from '../log.js';

export interface StatusOptions {
  readonly command: string;
  readonly shell: boolean;
  readonly env: NodeJS.ProcessEnv;
  /** Called (at most once per turn of the event loop) when the blocks changed. */
  readonly onChange: () => void;
}

/** Pauses before restarting a command that died: 1 s, doubling up to 30 s. */
const BACKOFF_MS = [1000, 2000, 4000, 8000, 16000, 30000];
/** A command that ran this long before dying starts again from the shortest pause. */
const STABLE_MS = 10_000;
/** Click events queued for a command that does not read its stdin are dropped beyond this. */
const STDIN_CAP = 64 * 1024;

const errorBlock = (text: string): StatusBlock => ({ fullText: text, separator: true, separatorBlockWidth: 9, align: 'left', urgent: true });

export class StatusCommand {
  private child: ChildProcess | null = null;
  private parser = new I3barParser();
  private decoder = new StringDecoder('utf8');
  private current: readonly StatusBlock[] = [];
  private problem: string | null = null;
  private shown: { readonly current: readonly StatusBlock[]; readonly problem: string; readonly blocks: readonly StatusBlock[] } | null = null;
  private clickEvents = false;
  private clicksSent = 0;
  private failures = 0;
  private startedAt = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private notifyPending = false;
  private stopped = false;
  private lastNotify = 0;
  /** How many status updates arrived, and how many were shown (the rest were superseded). */
  received = 0;
  starts = 0;

  /** Commands asked to end (SIGTERM) that may not have yet. */
  private readonly ending = new Set<ChildProcess>();

  constructor(private readonly o: StatusOptions) {
    // However Fion ends, the command ends with it: one that ignored its SIGTERM gets no more time.
    process.once('exit', () => {
      void this.stop();
      for (const c of this.ending) c.kill('SIGKILL');
    });
  }

  /** What the bar shows: the command's blocks, or a block saying what went wrong. The same
   *  array until either changes, so that a clock tick can tell the status did not change. */
  get blocks(): readonly StatusBlock[] {
    if (this.problem === null) return this.current;
    const s = this.shown;
    if (s !== null && s.current === this.current && s.problem === this.problem) return s.blocks;
    const blocks = [...this.current, errorBlock(this.problem)];
    this.shown = { current: this.current, problem: this.problem, blocks };
    return blocks;
  }

  start(): void {
    if (this.stopped) return;
    const argv = this.o.shell ? ['/bin/sh', '-c', this.o.command] : words(this.o.command);
    const [cmd, ...args] = argv;
    if (cmd === undefined) { this.setProblem('status_command is empty'); return; }
    this.parser = new I3barParser();
    this.decoder = new StringDecoder('utf8');
    this.clickEvents = false;
    this.clicksSent = 0;
    this.startedAt = Date.now();
    this.starts++;
    let child: ChildProcess;
    try {
      child = childProcess().spawn(cmd, args, { stdio: ['pipe', 'pipe', 'ignore'], env: this.o.env });
    } catch (e) {
      this.died(`cannot start ${cmd}: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => this.onData(d));
    child.stdin?.on('error', () => {}); // EPIPE from a command that closed its stdin: nothing to do
    child.on('error', (err) => {
      if (this.child !== child) return;
      this.child = null;
      this.died(`cannot run ${cmd}: ${err.message}`);
    });
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = null;
      this.died(`status command ${signal !== null ? `killed by ${signal}` : `exited (${code ?? '?'})`}`);
    });
  }

  /** A click on block `index` of what `blocks` returned: tell the command, if it asked. */
  click(index: number, button: number, x: number, y: number, relX: number, relY: number, width: number, height: number): void {
    const b = this.current[index];
    const stdin = this.child?.stdin;
    if (b === undefined || !this.clickEvents || stdin == null || stdin.destroyed) return;
    if (stdin.writableLength > STDIN_CAP) return;
    // An endless JSON array, as i3bar sends it: "[" first, a comma before every event but the first.
    const prefix = this.clicksSent === 0 ? '[\n' : ',';
    this.clicksSent++;
    stdin.write(`${prefix}${clickEvent(b, button, x, y, relX, relY, width, height)}\n`);
  }

  /** SIGTERM, then SIGKILL if the command still runs `graceMs` later; resolves once it is gone. */
  stop(graceMs = 1000): Promise<void> {
    this.stopped = true;
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const c = this.child;
    this.child = null;
    if (c === null || c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
    this.ending.add(c);
    return new Promise((resolve) => {
      const gone = (): void => { clearTimeout(kill); this.ending.delete(c); resolve(); };
      const kill = setTimeout(() => { c.kill('SIGKILL'); gone(); }, graceMs);
      kill.unref(); // never what keeps Fion running
      c.once('exit', gone);
      c.kill('SIGTERM');
    });
  }

  private onData(d: Buffer): void {
    // Parse everything (the protocol is a stream), keep only the newest blocks: a flood
    // costs parsing, never a redraw per line.
    let changed = false;
    for (const u of this.parser.feed(this.decoder.write(d))) {
      if (u.kind === 'header') this.clickEvents = u.header.clickEvents;
      else if (u.kind === 'blocks') {
        this.received++;
        this.current = u.blocks;
        this.problem = null;
        changed = true;
      } else {
        log.debug(`status command: ${u.message}`);
        this.problem = u.message;
        changed = true;
      }
    }
    if (changed) this.notify();
  }

  private died(why: string): void {
    if (this.stopped) return;
    if (Date.now() - this.startedAt > STABLE_MS) this.failures = 0;
    const wait = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)]!;
    this.failures++;
    log.warn(`${why}; starting it again in ${wait / 1000} s`);
    this.current = [];
    this.setProblem(`${why}; restarting in ${wait / 1000} s`);
    this.restartTimer = setTimeout(() => { this.restartTimer = null; this.start(); }, wait);
  }

  private setProblem(text: string): void {
    this.problem = text;
    this.notify();
  }

  /** Changes reach the bar at most every 50 ms: a flood is one redraw per interval. */
  private notify(): void {
    if (this.notifyPending) return;
    this.notifyPending = true;
    const fire = (): void => {
      this.notifyPending = false;
      this.lastNotify = Date.now();
      if (!this.stopped) this.o.onChange();
    };
    const wait = this.lastNotify + 50 - Date.now();
    if (wait <= 0) setImmediate(fire); else setTimeout(fire, wait);
  }
}

function words(command: string): string[] {
  const r = splitWords(command);
  return r.ok ? r.words : [];
}

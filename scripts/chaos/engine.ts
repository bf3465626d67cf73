// The chaos engine: bounded storms of client behaviour against a live Fion,
// with a sync barrier and the invariant check every `checkEvery` ops and at
// the end. Shared by scripts/chaos.ts and test/x11/chaos.test.ts.
import { Observer } from '../../test/harness/observer.js';
import { checkInvariants } from '../../test/harness/invariants.js';
import { isFailure } from '../../src/x/types.js';
import { Rng } from './prng.js';
import { Book, DEFAULT_WEIGHTS, generate, kindOf, showOp, type Op } from './ops.js';
import { Executor } from './exec.js';
import { isAlive, rssKiB, type Target } from './target.js';

export interface ChaosOptions {
  readonly seed: number;
  /** Upper bound on operations. */
  readonly ops: number;
  /** Upper bound on wall-clock time (seconds). */
  readonly seconds: number;
  /** Sync barrier and invariant check after every this many ops. */
  readonly checkEvery: number;
  /** Number of client connections. */
  readonly clients: number;
  /** Press key bindings through xdotool. */
  readonly keys: boolean;
  /** Also press `close` (super+shift+q) now and then: Fion kills clients that don't obey. */
  readonly closeKey: boolean;
  /** Op kinds to leave out (e.g. 'focus'); their PRNG draws still happen so the rest stays comparable. */
  readonly skip: readonly string[];
  /** Keep at most about this many windows alive. */
  readonly maxWindows: number;
  /** Replay this op list instead of generating one. */
  readonly replay?: readonly Op[];
  /**
   * Violations matching one of these are known bugs: reported apart (knownViolations), not
   * counted as violations, so a run can look past them for new ones.
   */
  readonly known: readonly RegExp[];
  /** Stop at the first checkpoint that finds a violation. */
  readonly stopOnViolation: boolean;
  /**
   * Keep the ops run (for --save, --minimize). A soak of hours doesn't: the seed and an op
   * index reproduce any of them (`--seed S --ops N` generates the same first N ops).
   */
  readonly keepOps: boolean;
  /** Progress lines (and with `trace`, every op). */
  readonly log: (line: string) => void;
  readonly trace: boolean;
  /** Kill Fion's Node process after every this many ops (0: never); its supervisor starts it again. */
  readonly crashEvery: number;
  /** A sample (ops, violations, crashes, RSS) after every this many seconds: a soak's memory curve. */
  readonly sampleEvery: number;
  /** After a violation or crash, keep the clients' windows as they are this many seconds, to look at. */
  readonly hold: number;
}

export const defaultChaosOptions = (o: Partial<ChaosOptions> & { seed: number }): ChaosOptions => ({
  ops: 3000, seconds: 120, checkEvery: 100, clients: 6, keys: true, closeKey: true, skip: [], maxWindows: 150,
  stopOnViolation: false, log: () => {}, trace: false, known: [], keepOps: true, crashEvery: 0, sampleEvery: 600, hold: 0, ...o,
});

export interface Violation {
  /** Index of the last op before the check that found it (the culprit is at or before it). */
  readonly op: number;
  readonly text: string;
}

/** Where a run stood after `seconds`. */
export interface Sample {
  readonly seconds: number;
  readonly ops: number;
  readonly violations: number;
  readonly crashes: number;
  readonly rssKiB: number | null;
}

export interface ChaosReport {
  readonly seed: number;
  readonly opsDone: number;
  readonly byKind: Record<string, number>;
  readonly xErrors: Record<string, number>;
  readonly violations: Violation[];
  /** Violations matching a `known` pattern: count per pattern, and the first of each. */
  readonly knownViolations: { pattern: string; count: number; first: Violation }[];
  /** Fion's process exited (or stopped answering), with the op index. */
  readonly crashes: { op: number; what: string }[];
  readonly checks: number;
  readonly rss: { start: number | null; peak: number | null; end: number | null };
  /** Every `sampleEvery` seconds. */
  readonly samples: Sample[];
  readonly durationMs: number;
  /** Error lines Fion logged (handler exceptions and the like), distinct, timestamps removed. */
  readonly fionErrors: string[];
  readonly fionWarnings: number;
  readonly connectionsLostToFion: number;
  readonly keyRuns: number;
  readonly windowsAliveAtEnd: number;
  /** Times Fion was killed on purpose (--crash-every) and came back. */
  readonly killed: number;
  /** The ops actually run, for --save / --replay. */
  readonly ops: Op[];
}

export async function runChaos(target: Target, o: ChaosOptions): Promise<ChaosReport> {
  const started = Date.now();
  const rng = new Rng(o.seed);
  const book = new Book(o.clients);
  const obs = await Observer.open(target.display);
  const fionWindows: number[] = [];
  const exec = await Executor.open(target.display, o.clients, () => fionWindows);
  const skip = new Set(o.skip);

  let crashed: string | null = null;
  void target.exited.then((what) => { crashed = what; });

  const byKind: Record<string, number> = {};
  const violations: Violation[] = [];
  const seen = new Set<string>();
  const known = new Map<string, { pattern: string; count: number; first: Violation }>();
  const crashes: { op: number; what: string }[] = [];
  const memPid = (): number | null => target.rssPid?.() ?? target.pid;
  const rss = { start: rssKiB(memPid()), peak: rssKiB(memPid()), end: null as number | null };
  let killed = 0;
  const samples: Sample[] = [];
  let opsRun = 0;
  let nextSample = started + o.sampleEvery * 1000;
  // Taken between ops, so a sample is never late by more than one op (or one check).
  const sample = (): void => {
    const seconds = Math.round((Date.now() - started) / 1000);
    const s: Sample = { seconds, ops: opsRun, violations: violations.length, crashes: crashes.length, rssKiB: rssKiB(memPid()) };
    samples.push(s);
    o.log(`after ${formatMinutes(seconds)}: ${s.ops} ops, ${s.violations} violation(s), ${s.crashes} crash(es), RSS ${mib(s.rssKiB)}`);
  };
  const ops: Op[] = [];
  let checks = 0;

  const refreshFionWindows = async (): Promise<void> => {
    // Fion's own windows (check window, bars, tab bars) as targets for messages and stacking.
    fionWindows.length = 0;
    const check = await obs.x.getProperty(obs.root(), obs.atoms._NET_SUPPORTING_WM_CHECK, 0, 1);
    if (!isFailure(check) && check !== null && check.data.length >= 4) fionWindows.push(check.data.readUInt32LE(0));
    for (const w of await obs.findByClass('fion-bar')) fionWindows.push(w);
  };
  await refreshFionWindows();

  const checkpoint = async (opIndex: number): Promise<boolean> => {
    await exec.settle();
    if (crashed === null && !isAlive(target.pid)) crashed = 'process gone';
    if (crashed !== null) {
      crashes.push({ op: opIndex, what: `Fion exited: ${crashed}` });
      return false;
    }
    checks++;
    const found = [...await checkInvariants(obs, { mapped: exec.mappedTopLevels(), floating: exec.mayFloat(), docks: exec.mayDock(), syncTimeoutMs: 10000 }), ...exec.i3.takeProblems()];
    const r = rssKiB(memPid());
    if (r !== null && (rss.peak === null || r > rss.peak)) rss.peak = r;
    let fresh = 0;
    for (const text of found) {
      if (seen.has(text)) continue;
      seen.add(text);
      const k = o.known.find((re) => re.test(text));
      if (k !== undefined) {
        const entry = known.get(k.source);
        if (entry === undefined) known.set(k.source, { pattern: k.source, count: 1, first: { op: opIndex, text } });
        else entry.count++;
        continue;
      }
      violations.push({ op: opIndex, text });
      fresh++;
      o.log(`VIOLATION after op ${opIndex} (seed ${o.seed}): ${text}`);
    }
    if (found.some((t) => t.startsWith('Fion does not answer'))) {
      crashes.push({ op: opIndex, what: crashed ?? 'Fion stopped answering the sync barrier (hung?)' });
      return false;
    }
    if (fresh > 0 && o.stopOnViolation) return false;
    return true;
  };

  const total = o.replay?.length ?? o.ops;
  let i = 0;
  let go = true;
  for (; i < total && go; i++) {
    if (Date.now() - started > o.seconds * 1000) break;
    if (o.sampleEvery > 0 && Date.now() >= nextSample) {
      sample();
      // One sample per period, however long an op took (a killed connection waits seconds).
      while (nextSample <= Date.now()) nextSample += o.sampleEvery * 1000;
    }
    let op: Op;
    if (o.replay !== undefined) {
      op = o.replay[i]!;
    } else {
      op = generate(rng, book, DEFAULT_WEIGHTS, { keys: o.keys, closeKey: o.closeKey, maxWindows: o.maxWindows });
    }
    book.apply(op);
    const kind = kindOf(op);
    if (skip.has(kind) || skip.has(op.k)) { if (o.keepOps) ops.push(op); continue; }
    if (o.keepOps) ops.push(op);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    opsRun++;
    await exec.run(op);
    if (o.trace) {
      // The X ids behind the logical windows, so a violation naming an id can be traced.
      const ids = ('w' in op ? [op.w] : 'ws' in op ? op.ws : []).flatMap((w) => { const id = exec.realId(w); return id === undefined ? [] : [`0x${id.toString(16)}`]; });
      o.log(`op ${i}: ${showOp(op)}${ids.length === 0 ? '' : ` [${ids.join(' ')}]`}`);
    }
    if (crashed !== null) {
      crashes.push({ op: i, what: `Fion exited: ${crashed}` });
      go = false;
      break;
    }
    if (o.crashEvery > 0 && (i + 1) % o.crashEvery === 0 && target.crash !== undefined) {
      // A crash at a random moment of the storm: what came before must all be there after.
      await target.crash();
      killed++;
      await refreshFionWindows();
    }
    if ((i + 1) % o.checkEvery === 0) {
      go = await checkpoint(i);
      if ((i + 1) % (o.checkEvery * 10) === 0) {
        o.log(`op ${i + 1}: ${violations.length} violation(s), ${exec.liveWindowCount()} windows, RSS ${rssKiB(memPid()) ?? '?'} KiB`);
        await refreshFionWindows();
      }
    }
  }
  const last = Math.max(0, i - 1);
  if (go && crashes.length === 0) await checkpoint(last);
  // The end of a run that sampled: its last figures, so the curve reaches the end.
  if (samples.length > 0) sample();
  rss.end = rssKiB(memPid());
  const windowsAliveAtEnd = exec.liveWindowCount();
  if (exec.i3.counts.sent > 0) o.log(`i3 socket: ${exec.i3.counts.sent} messages, ${exec.i3.counts.refused} commands refused (with their reason)`);
  if (o.hold > 0 && (violations.length > 0 || crashes.length > 0)) {
    // The state a violation left, to look at by hand (xwininfo, xprop, `fion msg tree`).
    o.log(`chaos: holding ${target.display} for ${o.hold} s (DISPLAY=${target.display} bin/fion msg tree)`);
    await new Promise((r) => setTimeout(r, o.hold * 1000));
  }
  await exec.close();
  await obs.close().catch(() => {});

  const logText = target.log();
  const errorLines = logText.split('\n').filter((l) => / error: /.test(l)).map((l) => l.replace(/^fion [\d:.]+ /, ''));
  return {
    seed: o.seed, opsDone: Object.values(byKind).reduce((a, b) => a + b, 0), byKind,
    xErrors: Object.fromEntries(exec.xErrors), violations, knownViolations: [...known.values()], crashes, checks, rss, samples, durationMs: Date.now() - started,
    fionErrors: [...new Set(errorLines)], fionWarnings: logText.split('\n').filter((l) => / warn: /.test(l)).length,
    connectionsLostToFion: exec.connectionsLost, keyRuns: exec.keyRuns, windowsAliveAtEnd, killed, ops,
  };
}

const mib = (k: number | null): string => (k === null ? '?' : `${(k / 1024).toFixed(1)} MiB`);
const formatMinutes = (s: number): string => `${Math.floor(s / 60)} min${s % 60 === 0 ? '' : ` ${s % 60} s`}`;

/**
 * How much the RSS grew over the last third of the samples (the issue's bar for a soak:
 * at most 5 %), as a fraction; null with fewer than three samples.
 */
export function lastThirdGrowth(samples: readonly Sample[]): number | null {
  const rss = samples.map((s) => s.rssKiB).filter((r): r is number => r !== null);
  if (rss.length < 3) return null;
  const from = rss[Math.floor((rss.length * 2) / 3) - 1]!;
  return (rss[rss.length - 1]! - from) / from;
}

/**
 * The RSS's drift in KiB per hour: the least-squares slope of the samples after the first
 * (start-up and the first windows make the first one climb); null with fewer than three.
 */
export function rssDriftPerHour(samples: readonly Sample[]): number | null {
  const pts = samples.slice(1).filter((s): s is Sample & { rssKiB: number } => s.rssKiB !== null);
  if (pts.length < 2) return null;
  const mx = pts.reduce((a, s) => a + s.seconds, 0) / pts.length;
  const my = pts.reduce((a, s) => a + s.rssKiB, 0) / pts.length;
  const sxx = pts.reduce((a, s) => a + (s.seconds - mx) ** 2, 0);
  if (sxx === 0) return null;
  const sxy = pts.reduce((a, s) => a + (s.seconds - mx) * (s.rssKiB - my), 0);
  return (sxy / sxx) * 3600;
}

export function formatReport(r: ChaosReport): string {
  const lines: string[] = [];
  lines.push(`chaos: seed ${r.seed}, ${r.opsDone} ops in ${(r.durationMs / 1000).toFixed(1)} s, ${r.checks} invariant checks`);
  lines.push(`  ops by kind: ${Object.entries(r.byKind).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  const errs = Object.entries(r.xErrors).sort((a, b) => b[1] - a[1]);
  lines.push(`  X errors seen by the chaos clients: ${errs.length === 0 ? 'none' : errs.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  lines.push(`  client connections killed by Fion: ${r.connectionsLostToFion}; xdotool runs: ${r.keyRuns}; windows alive at the end: ${r.windowsAliveAtEnd}`);
  lines.push(`  Fion RSS: start ${mib(r.rss.start)}, peak ${mib(r.rss.peak)}, end ${mib(r.rss.end)}`);
  if (r.samples.length > 0) {
    lines.push(`  samples: ${r.samples.map((s) => `${formatMinutes(s.seconds)} ${s.ops} ops ${mib(s.rssKiB)}`).join('; ')}`);
    const g = lastThirdGrowth(r.samples);
    if (g !== null) lines.push(`  RSS growth over the last third: ${(g * 100).toFixed(1)} % (a soak must stay within 5 %)`);
    const d = rssDriftPerHour(r.samples);
    if (d !== null) lines.push(`  RSS drift: ${d >= 0 ? '+' : ''}${(d / 1024).toFixed(2)} MiB per hour (least squares over the samples after the first)`);
  }
  lines.push(`  Fion log: ${r.fionErrors.length} distinct error line(s), ${r.fionWarnings} warning(s)`);
  for (const e of r.fionErrors.slice(0, 10)) lines.push(`    ${e.slice(0, 300)}`);
  lines.push(`  invariant violations: ${r.violations.length}`);
  for (const v of r.violations.slice(0, 50)) lines.push(`    [seed ${r.seed}, after op ${v.op}] ${v.text}`);
  if (r.violations.length > 50) lines.push(`    ... ${r.violations.length - 50} more`);
  for (const k of r.knownViolations) {
    lines.push(`  known bug /${k.pattern}/: ${k.count} violation(s), first after op ${k.first.op}: ${k.first.text}`);
  }
  if (r.killed > 0) lines.push(`  Fion killed on purpose (kill -9, --crash-every): ${r.killed}, each time back under its supervisor`);
  lines.push(`  Fion crashes: ${r.crashes.length}`);
  for (const c of r.crashes) lines.push(`    [seed ${r.seed}, at op ${c.op}] ${c.what}`);
  lines.push(r.violations.length === 0 && r.crashes.length === 0 ? 'PASS' : 'FAIL');
  return lines.join('\n');
}

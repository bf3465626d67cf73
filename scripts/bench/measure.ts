// One session: a private Xvfb, one window manager, every measurement on it.
import { mkdtempSync, readFileSync, rmSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WindowId } from '../../src/x/types.js';
import { BenchClient, Probe, now, type Ev } from './xclient.js';
import { start, stop, startXvfb, cpuSeconds, rssMiB, sleep, type Started } from './procs.js';
import { execFile } from 'node:child_process';
import type { WmSpec } from './wms.js';

export interface Params {
  /** Background window counts for map latency, ascending. */
  readonly counts: readonly number[];
  /** Map-latency samples per count. */
  readonly samples: number;
  /** Quiet period (ms) that ends a measurement: no event on any benchmark window or its frame. */
  readonly settleMs: number;
  readonly idleSec: number;
  /** The idle period starts this long after the manager's last start at the earliest (s). */
  readonly idleAfterStartSec: number;
  /** How long after the largest count's windows are destroyed RSS is read again (0: not read). */
  readonly afterCloseSec: number;
  readonly burst: number;
  readonly switchPerWorkspace: number;
  readonly switchSamples: number;
  readonly startups: number;
  /** Stop after the start-ups (to measure start-up alone, quickly). */
  readonly startupOnly?: boolean;
}

export interface MapSample {
  /** MapWindow -> the window is viewable (its MapNotify, and its frame's for reparenting managers), ms. */
  readonly mapped: number;
  /** MapWindow -> mapped and at its final geometry: max(mapped, last ConfigureNotify of the window or frame), ms. */
  readonly ready: number;
  /** MapWindow -> last event on any benchmark window (the others' relayout included), ms. */
  readonly settled: number;
  /** ConfigureNotify events on the window (and frame) for this map. */
  readonly configures: number;
}

export interface SwitchResult {
  readonly supported: boolean;
  readonly note: string;
  /** Request -> last Map/Unmap/ConfigureNotify on any benchmark window (or frame), ms. */
  readonly samples: number[];
  /** Windows of the destination workspace that got a MapNotify, per sample. */
  readonly mappedCounts: number[];
  readonly noEffect: number;
}

export interface BurstResult {
  readonly windows: number;
  /** First MapWindow -> all listed in _NET_CLIENT_LIST and the last Map/ConfigureNotify of a burst window, ms. */
  readonly doneMs: number | null;
  readonly listedMs: number | null;
  readonly lastEventMs: number;
  /** Burst windows viewable at the end (a tabbing manager shows one per tile). */
  readonly mapped: number;
}

export interface SessionResult {
  readonly wm: string;
  readonly round: number;
  readonly display: string;
  ok: boolean;
  error: string | null;
  readonly startupMs: number[];
  /** spawn -> every window that existed before the manager listed in _NET_CLIENT_LIST, per start. */
  readonly firstFrameMs: number[];
  /** spawn -> exit of `node -e 0`, the floor for anything written for Node, same session. */
  readonly nodeStartMs: number[];
  /** `node -e 0` timed just before each start-up (its pair: startupMs[i], firstFrameMs[i]). */
  readonly startupNodeMs: number[];
  /** The manager's message tool, spawn -> exit: its version, and `workspace next`. */
  readonly msgVersionMs: number[];
  readonly msgNextMs: number[];
  /** Key press to screen: the split chord -> the last Map/Unmap/ConfigureNotify it caused. */
  split: { samples: number[]; noEffect: number; what: string } | null;
  idle: { seconds: number; cpuSeconds: number; rssMiB: number; nodeCpuSeconds: number | null } | null;
  rssLoadedMiB: number | null;
  rssLoadedWindows: number;
  /** RSS `afterCloseSec` after those windows were destroyed (null: not read). */
  rssClosedMiB: number | null;
  readonly map: Record<string, MapSample[]>;
  readonly mapFailures: Record<string, number>;
  burst: BurstResult | null;
  switchEwmh: SwitchResult | null;
  switchKey: SwitchResult | null;
  readonly notes: string[];
  wallSeconds: number;
}

const MAP_TIMEOUT = 10_000;
/** Windows mapped before each start-up, for the first frame: adopted and listed. */
const PRE_EXISTING = 10;

/** spawn -> exit of a command, in ms (its output is dropped). */
function timed(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const t0 = now();
  return new Promise((resolve) => { execFile(cmd, [...args], { env }, () => resolve(now() - t0)); });
}

/** A key press -> the last window event it caused (followed by the quiet period); null: none in 3 s. */
async function keyToScreen(c: BenchClient, send: () => void, settleMs: number): Promise<number | null> {
  await c.quiet(settleMs);
  const t0 = now();
  send();
  if (!(await c.until(() => c.lastActivity >= t0, 3000))) return null;
  await c.quiet(settleMs);
  return c.lastActivity - t0;
}
const LIST_TIMEOUT = 120_000;

type Say = (msg: string) => void;

async function waitRedirect(probe: Probe, owned: boolean, timeoutMs: number): Promise<boolean> {
  const end = now() + timeoutMs;
  while (now() < end) {
    if ((await probe.redirectOwned()) === owned) return true;
    await sleep(1);
  }
  return false;
}

async function waitReady(c: BenchClient, spec: WmSpec, timeoutMs: number): Promise<boolean> {
  const end = now() + timeoutMs;
  while (now() < end) {
    const check = await c.cardinal(c.atoms._NET_SUPPORTING_WM_CHECK);
    const desktops = spec.minDesktops > 0 ? await c.cardinal(c.atoms._NET_NUMBER_OF_DESKTOPS) : null;
    if (check !== null && check !== 0 && (spec.minDesktops === 0 || (desktops ?? 0) >= spec.minDesktops)) return true;
    await sleep(20);
  }
  return false;
}

const firstAt = (log: readonly Ev[], what: Ev['what'], t0: number): number | null => {
  for (const e of log) if (e.t >= t0 && e.what === what) return e.t;
  return null;
};

/** Viewable time of `w` after t0: its MapNotify and, when reparented, its frame's MapNotify. */
function mappedAt(c: BenchClient, w: WindowId, t0: number): number | null {
  const log = c.log(w);
  const m = firstAt(log, 'map', t0);
  if (m === null) return null;
  if (c.frameOf(w) === 0) return m;
  const f = firstAt(log, 'fmap', t0);
  return f === null ? m : Math.max(m, f);
}

/** Mapped now (by the last Map/UnmapNotify of the window, and of its frame if reparented). */
function viewable(c: BenchClient, w: WindowId): boolean {
  const last = (a: Ev['what'], b: Ev['what']): Ev['what'] | null => {
    const l = c.log(w).filter((e) => e.what === a || e.what === b);
    return l.length === 0 ? null : l[l.length - 1]!.what;
  };
  if (last('map', 'unmap') !== 'map') return false;
  // Frames of reparenting managers (i3, herbstluftwm); dwm and Fion don't reparent.
  return c.frameOf(w) === 0 || last('fmap', 'funmap') !== 'funmap';
}

/** Viewable and on the screen (dwm hides a window by moving it to x = -2 * width). */
function shown(c: BenchClient, w: WindowId): boolean {
  if (!viewable(c, w)) return false;
  const kind = c.frameOf(w) === 0 ? 'conf' : 'fconf';
  const confs = c.log(w).filter((e) => e.what === kind && e.rect !== undefined);
  const r = confs[confs.length - 1]?.rect;
  if (r === undefined) return true;
  const s = c.x.screens[0]!;
  return r.x + r.width > 0 && r.y + r.height > 0 && r.x < s.width && r.y < s.height;
}

async function mapChunked(c: BenchClient, ids: readonly WindowId[], settleMs: number, say: Say): Promise<void> {
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    c.map(chunk);
    if ((await c.waitListed(chunk, LIST_TIMEOUT)) === null) say(`  warning: ${chunk.length} windows not in _NET_CLIENT_LIST after ${LIST_TIMEOUT / 1000} s`);
  }
  await c.quiet(settleMs);
}

async function destroyAll(c: BenchClient, ids: readonly WindowId[], settleMs: number, say: Say): Promise<void> {
  c.destroy(ids);
  const t0 = now();
  // Until they have left _NET_CLIENT_LIST, or the list has stopped changing for 5 s: i3 4.22
  // keeps windows destroyed on a hidden workspace in it for good, but a busy i3 tearing down
  // 500 windows also takes tens of seconds, and the next phase must not start before it's done.
  for (;;) {
    if ((await c.waitListed(ids, 5_000, true)) !== null) break;
    if (now() - c.lastListChange >= 5_000 || now() - t0 > LIST_TIMEOUT) {
      const left = await c.clientList();
      say(`  note: ${ids.filter((w) => left.has(w)).length} destroyed windows still in _NET_CLIENT_LIST after ${((now() - t0) / 1000).toFixed(0)} s (it stopped changing)`);
      break;
    }
  }
  await c.quiet(settleMs);
}

async function mapSample(c: BenchClient, settleMs: number): Promise<MapSample | null> {
  const [w] = c.create(1);
  if (w === undefined) return null;
  await c.x.sync();
  await c.quiet(settleMs);
  const t0 = now();
  c.map([w]);
  const got = await c.until(() => firstAt(c.log(w), 'map', t0) !== null, MAP_TIMEOUT);
  await c.quiet(settleMs);
  let sample: MapSample | null = null;
  if (got) {
    const log = c.log(w).filter((e) => e.t >= t0);
    const mapped = mappedAt(c, w, t0)!;
    const confs = log.filter((e) => e.what === 'conf' || e.what === 'fconf');
    const lastConf = confs.reduce((m, e) => Math.max(m, e.t), 0);
    sample = {
      mapped: mapped - t0, ready: Math.max(mapped, lastConf) - t0, settled: c.lastActivity - t0, configures: confs.length,
    };
  }
  c.destroy([w]);
  return sample;
}

/**
 * One switch: request -> the last event on a benchmark window, where "last" means followed by
 * settleMs of silence *and* the destination workspace showing as many windows as it did when it
 * was set up (so a manager pausing mid-switch isn't cut short). null: nothing happened in 3 s.
 */
async function switchSample(c: BenchClient, send: () => void, dest: readonly WindowId[], expectShown: number,
  settleMs: number): Promise<{ ms: number; mapped: number; complete: boolean } | null> {
  await c.quiet(settleMs);
  const t0 = now();
  send();
  const any = await c.until(() => c.lastActivity >= t0, 3000);
  if (!any) return null;
  let complete = false;
  for (;;) {
    await c.quiet(settleMs);
    if (dest.filter((w) => shown(c, w)).length >= expectShown) { complete = true; break; }
    const before = c.lastActivity;
    if (!(await c.until(() => c.lastActivity > before, 5000))) break;
  }
  const mapped = dest.filter((w) => firstAt(c.log(w), 'map', t0) !== null || firstAt(c.log(w), 'fmap', t0) !== null).length;
  return { ms: c.lastActivity - t0, mapped, complete };
}

/** Send a chord and wait for its effect: an event, then quiet. */
async function chordAndSettle(c: BenchClient, probe: Probe, keys: number[], settleMs: number): Promise<void> {
  const t = now();
  probe.chord(keys);
  await c.until(() => c.lastActivity >= t, 3000);
  await c.quiet(settleMs);
}

export async function runSession(spec: WmSpec, p: Params, round: number, say: Say): Promise<SessionResult> {
  const wall0 = now();
  const dir = mkdtempSync(join(tmpdir(), `fion-bench-${spec.name}-`));
  const { display, server } = await startXvfb();
  const r: SessionResult = {
    wm: spec.name, round, display, ok: false, error: null, startupMs: [], firstFrameMs: [], nodeStartMs: [], startupNodeMs: [], msgVersionMs: [], msgNextMs: [], split: null, idle: null, rssLoadedMiB: null, rssLoadedWindows: 0, rssClosedMiB: null,
    map: {}, mapFailures: {}, burst: null, switchEwmh: null, switchKey: null, notes: [], wallSeconds: 0,
  };
  let wm: Started | null = null;
  let lastStart = now();
  let probe: Probe | null = null;
  let c: BenchClient | null = null;
  // A cache of its own: Fion's bundle compiles its chunks at the session's first start and
  // takes them from its code cache at the next (src/codecache.ts), as on a user's machine.
  const env = { ...process.env, DISPLAY: display, XDG_CONFIG_HOME: dir, XDG_STATE_HOME: dir, XDG_CACHE_HOME: dir };
  try {
    probe = await Probe.connect(display);
    c = await BenchClient.connect(display);

    // ---- start-up: exec -> SubstructureRedirect selected on the root; -> existing windows adopted ----
    const existing = c.create(PRE_EXISTING);
    await c.x.sync();
    c.map(existing);
    await c.x.sync();
    for (let i = 0; i < p.startups; i++) {
      if (wm !== null) {
        await stop(wm);
        if (!(await waitRedirect(probe, false, 5000))) throw new Error('the root is still redirected after the WM exited');
      }
      // `node -e 0` just before each start, so both see the same load (the machine may be shared).
      const node = await timed(process.execPath, ['-e', '0'], env);
      r.nodeStartMs.push(node);
      r.startupNodeMs.push(node);
      // The last manager's list would count as adopted at once.
      c.x.deleteProperty(c.x.screens[0]!.root, c.atoms._NET_CLIENT_LIST);
      await c.x.sync();
      const { cmd, args } = spec.command(display, dir);
      const t0 = now();
      lastStart = t0;
      wm = start(cmd, args, { env, logFile: join(dir, `wm.${i}.log`) });
      if (!(await waitRedirect(probe, true, 30_000))) throw new Error(`${spec.name} did not take SubstructureRedirect within 30 s`);
      r.startupMs.push(now() - t0);
      const listed = await c.waitListed(existing, 30_000);
      r.firstFrameMs.push(listed === null ? NaN : Math.max(listed, t0) - t0);
    }
    if (wm === null) throw new Error('no start-up');
    const pid = wm.pid;
    if (!(await waitReady(c, spec, 20_000))) throw new Error(`${spec.name} set no _NET_SUPPORTING_WM_CHECK (or too few desktops) within 20 s`);
    await sleep(500);
    say(`  start-up ${r.startupMs.map((m) => m.toFixed(0)).join(', ')} ms; first frame ${r.firstFrameMs.map((m) => m.toFixed(0)).join(', ')} ms; node -e 0 ${r.startupNodeMs.map((m) => m.toFixed(0)).join(', ')} ms`);
    if (p.startupOnly === true) { r.ok = true; return r; }
    await destroyAll(c, existing, p.settleMs, say);
    if (spec.setupKey !== undefined) {
      const keys = await c.keycodes();
      await chordAndSettle(c, probe, spec.setupKey.map((k) => keys.get(k) ?? 0), p.settleMs);
    }
    // A bare Node waking once a second, idling beside the manager: the floor for idle CPU.
    const bare = start(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { env });
    // Idle is the steady state: the period opens idleAfterStartSec after the manager's last
    // start, past a start-up's one-off work (Node's heap-shrinking GCs come 8-10 s after it).
    await sleep(Math.max(300, lastStart + p.idleAfterStartSec * 1000 - now()));

    // ---- idle ----
    const c0 = await cpuSeconds(pid);
    const b0 = await cpuSeconds(bare.pid).catch(() => null);
    const ti = now();
    await sleep(p.idleSec * 1000);
    const c1 = await cpuSeconds(pid);
    const b1 = await cpuSeconds(bare.pid).catch(() => null);
    await stop(bare);
    r.idle = { seconds: (now() - ti) / 1000, cpuSeconds: c1 - c0, rssMiB: await rssMiB(pid), nodeCpuSeconds: b0 === null || b1 === null ? null : b1 - b0 };
    say(`  idle ${r.idle.cpuSeconds.toFixed(2)} CPU s over ${r.idle.seconds.toFixed(1)} s (bare node ${r.idle.nodeCpuSeconds?.toFixed(2)}), RSS ${r.idle.rssMiB.toFixed(1)} MiB`);

    // ---- workspace switch (first, on a fresh manager) ----
    {
      const keys = await c.keycodes();
      const chord = (n: number): number[] => spec.workspaceKey(n).map((k) => keys.get(k) ?? 0);
      const keyOk = probe.hasXTest && chord(1).every((k) => k !== 0) && chord(2).every((k) => k !== 0);
      const ws1 = c.create(p.switchPerWorkspace);
      await c.x.sync();
      await mapChunked(c, ws1, p.settleMs, say);
      if (!keyOk) throw new Error('no XTest or no keycode for the workspace keys');
      if (spec.createWorkspaceKey !== undefined) {
        const k = spec.createWorkspaceKey.map((x) => keys.get(x) ?? 0);
        if (k.includes(0)) throw new Error('no keycode for the workspace-create chord');
        probe.chord(k);
        await sleep(100);
      }
      await chordAndSettle(c, probe, chord(2), p.settleMs);
      const ws2 = c.create(p.switchPerWorkspace);
      await c.x.sync();
      await mapChunked(c, ws2, p.settleMs, say);
      const e2 = ws2.filter((w) => shown(c!, w)).length;
      await chordAndSettle(c, probe, chord(1), p.settleMs);
      await c.until(() => ws1.some((w) => shown(c!, w)), 3000);
      await c.quiet(p.settleMs);
      const e1 = ws1.filter((w) => shown(c!, w)).length;
      // Sanity: after "workspace 1", the second batch should not be viewable.
      const v2 = ws2.filter((w) => shown(c!, w)).length;
      r.notes.push(`switch setup: workspace 2 showed ${e2}/${ws2.length} of its windows; back on workspace 1, ${e1}/${ws1.length} of its windows and ${v2}/${ws2.length} of workspace 2's are shown`);
      if (e1 === 0 || e2 === 0 || v2 > 0) r.notes.push('switch setup looks wrong: the two batches are not on two workspaces');

      const ewmh = await c.supports(c.atoms._NET_CURRENT_DESKTOP);
      if (!ewmh) {
        r.switchEwmh = { supported: false, note: 'n/a (_NET_CURRENT_DESKTOP not in _NET_SUPPORTED)', samples: [], mappedCounts: [], noEffect: 0 };
      } else {
        const samples: number[] = [];
        const mapped: number[] = [];
        let none = 0;
        let incomplete = 0;
        for (let i = 0; i < p.switchSamples; i++) {
          const to = i % 2 === 0 ? 1 : 0;
          const s = await switchSample(c, () => c!.requestDesktop(to), to === 1 ? ws2 : ws1, to === 1 ? e2 : e1, p.settleMs);
          if (s === null) none++; else { samples.push(s.ms); mapped.push(s.mapped); if (!s.complete) incomplete++; }
        }
        if (p.switchSamples % 2 === 1) { const t = now(); c.requestDesktop(0); await c.until(() => c!.lastActivity >= t, 3000); await c.quiet(p.settleMs); }
        r.switchEwmh = { supported: true, note: none === p.switchSamples ? 'no effect' : '', samples, mappedCounts: mapped, noEffect: none };
        if (incomplete > 0) r.notes.push(`EWMH switch: ${incomplete} samples never showed the whole destination workspace`);
      }
      {
        const samples: number[] = [];
        const mapped: number[] = [];
        let none = 0;
        let incomplete = 0;
        for (let i = 0; i < p.switchSamples; i++) {
          const to = i % 2 === 0 ? 2 : 1;
          const s = await switchSample(c, () => probe!.chord(chord(to)), to === 2 ? ws2 : ws1, to === 2 ? e2 : e1, p.settleMs);
          if (s === null) none++; else { samples.push(s.ms); mapped.push(s.mapped); if (!s.complete) incomplete++; }
        }
        r.switchKey = { supported: true, note: none === p.switchSamples ? 'no effect' : '', samples, mappedCounts: mapped, noEffect: none };
        if (incomplete > 0) r.notes.push(`key switch: ${incomplete} samples never showed the whole destination workspace`);
      }
      const med = (a: number[]): string => a.length === 0 ? '-' : [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!.toFixed(1);
      say(`  switch ${p.switchPerWorkspace}+${p.switchPerWorkspace}: ewmh ${r.switchEwmh.supported ? med(r.switchEwmh.samples) + ' ms' : 'n/a'}, key ${med(r.switchKey.samples)} ms`);

      // ---- key press to screen: a split of the shown workspace (100 windows on it) ----
      if (spec.splitKeys !== undefined) {
        const split = spec.splitKeys.split.map((k) => keys.get(k) ?? 0);
        const back = spec.splitKeys.back.map((k) => keys.get(k) ?? 0);
        const samples: number[] = [];
        let none = 0;
        for (let i = 0; i < p.switchSamples; i++) {
          const ms = await keyToScreen(c, () => probe!.chord(split), p.settleMs);
          if (ms === null) none++; else samples.push(ms);
          await keyToScreen(c, () => probe!.chord(back), p.settleMs);
        }
        r.split = { samples, noEffect: none, what: spec.splitKeys.what };
        say(`  key split: ${med(samples)} ms (${none} without effect)`);
      }
      // ---- the message tool, beside node -e 0 ----
      if (spec.msg !== undefined) {
        const m = spec.msg(display, dir);
        for (let i = 0; i < p.startups * 2; i++) {
          r.nodeStartMs.push(await timed(process.execPath, ['-e', '0'], env));
          r.msgVersionMs.push(await timed(m.version[0]!, m.version.slice(1), env));
          r.msgNextMs.push(await timed(m.next[0]!, m.next.slice(1), env));
        }
        await c.quiet(p.settleMs);
        say(`  msg version ${med(r.msgVersionMs)} ms, workspace next ${med(r.msgNextMs)} ms, node -e 0 ${med(r.nodeStartMs)} ms`);
      }
      await destroyAll(c, [...ws1, ...ws2], p.settleMs, say);
    }
    // ---- map latency with N windows already managed ----
    const bg: WindowId[] = [];
    for (const n of p.counts) {
      const add = c.create(Math.max(0, n - bg.length));
      bg.push(...add);
      await c.x.sync();
      await mapChunked(c, add, p.settleMs, say);
      const samples: MapSample[] = [];
      let fail = 0;
      for (let i = 0; i < p.samples; i++) {
        const s = await mapSample(c, p.settleMs);
        if (s === null) fail++; else samples.push(s);
        if (fail > 5 && samples.length === 0) break;
      }
      r.map[String(n)] = samples;
      r.mapFailures[String(n)] = fail;
      const ready = samples.map((s) => s.ready).sort((a, b) => a - b);
      say(`  map@${n}: ${samples.length} samples, ready p50 ${(ready[Math.floor(ready.length / 2)] ?? NaN).toFixed(2)} ms${fail ? `, ${fail} failed` : ''}`);
    }
    r.rssLoadedMiB = await rssMiB(pid);
    r.rssLoadedWindows = bg.length;
    await destroyAll(c, bg, p.settleMs, say);
    if (p.afterCloseSec > 0) {
      // Memory a manager gives back once its windows are gone: nothing happens meanwhile.
      await sleep(p.afterCloseSec * 1000);
      r.rssClosedMiB = await rssMiB(pid);
      say(`  RSS ${r.rssLoadedMiB.toFixed(1)} MiB with ${bg.length} windows, ${r.rssClosedMiB.toFixed(1)} MiB ${p.afterCloseSec} s after they closed`);
    }

    // ---- burst ----
    {
      const ids = c.create(p.burst);
      await c.x.sync();
      await c.quiet(p.settleMs);
      const t0 = now();
      c.map(ids);
      const listed = await c.waitListed(ids, LIST_TIMEOUT);
      await c.quiet(p.settleMs);
      let last = t0;
      for (const w of ids) for (const e of c.log(w)) if (e.what !== 'reparent') last = Math.max(last, e.t);
      const mapped = ids.filter((w) => mappedAt(c!, w, t0) !== null).length;
      r.burst = {
        windows: ids.length, listedMs: listed === null ? null : listed - t0, lastEventMs: last - t0, mapped,
        doneMs: listed === null ? null : Math.max(listed, last) - t0,
      };
      say(`  burst ${ids.length}: ${r.burst.doneMs?.toFixed(1) ?? 'incomplete'} ms (${mapped} mapped)`);
      await destroyAll(c, ids, p.settleMs, say);
    }

    if (c.errors > 0) r.notes.push(`${c.errors} X errors on the benchmark connection`);
    r.ok = true;
  } catch (e) {
    r.error = e instanceof Error ? e.message : String(e);
    say(`  ERROR ${r.error} (logs kept in ${dir})`);
  } finally {
    if (wm !== null) {
      const exited = wm.process.exitCode !== null || wm.process.signalCode !== null;
      if (exited) r.notes.push(`${spec.name} exited during the session (code ${wm.process.exitCode}, signal ${wm.process.signalCode})`);
      await stop(wm);
    }
    await c?.close().catch(() => {});
    await probe?.close().catch(() => {});
    await stop(server);
    // The WM's own warnings and errors, for the record.
    for (let i = 0; i < p.startups; i++) {
      const f = join(dir, `wm.${i}.log`);
      if (!existsSync(f)) continue;
      // Count without holding a huge log in memory twice; a size cap keeps this bounded.
      const size = statSync(f).size;
      const text = size > 64 << 20 ? '' : readFileSync(f, 'utf8');
      const bad = text.split('\n').filter((l) => /\b(warn|error|ERROR|WARN)\b/.test(l));
      if (size > 64 << 20) r.notes.push(`log ${i}: ${(size / 2 ** 20).toFixed(0)} MiB of output (not scanned)`);
      else if (bad.length > 0) r.notes.push(`log ${i}: ${bad.length} warn/error lines (${(size / 2 ** 20).toFixed(1)} MiB), first: ${bad[0]!.slice(0, 160)}`);
    }
    if (r.ok) rmSync(dir, { recursive: true, force: true });
    r.wallSeconds = (now() - wall0) / 1000;
  }
  return r;
}

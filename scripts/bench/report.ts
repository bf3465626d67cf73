// Aggregation over rounds, the printed table, the JSON and the SVG chart.
import type { Params, SessionResult } from './measure.js';

export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}
const median = (v: readonly number[]): number | null => percentile(v, 0.5);

export interface Aggregate {
  readonly wm: string;
  readonly rounds: number;
  readonly failedRounds: number;
  readonly map: Record<string, { n: number; failures: number; mapped: Pct; ready: Pct; settledP50: number | null; configuresMedian: number | null }>;
  readonly startupMs: Pct & { n: number };
  readonly firstFrameMs: number | null;
  /** The first frame of each session's first start: Fion's bundle without its code cache then. */
  readonly firstStartFrameMs: number | null;
  readonly nodeStartMs: number | null;
  /** Medians of start-up / `node -e 0` and first frame / `node -e 0`, each start paired with
   *  the `node -e 0` timed just before it: the targets are ratios, and a pair shares its load. */
  readonly startupRatio: number | null;
  readonly firstFrameRatio: number | null;
  readonly msgVersionMs: number | null;
  readonly msgNextMs: number | null;
  readonly splitMs: number | null;
  readonly splitNote: string;
  readonly idleNodeCpuSeconds: number | null;
  readonly idleCpuSeconds: number | null;
  readonly idleSeconds: number | null;
  readonly rssIdleMiB: number | null;
  readonly rssLoadedMiB: number | null;
  readonly rssLoadedWindows: number;
  readonly rssClosedMiB: number | null;
  readonly burstMs: number | null;
  readonly burstMapped: number | null;
  readonly switchEwmh: (Pct & { n: number; supported: boolean; note: string; mappedMedian: number | null }) | null;
  readonly switchKey: (Pct & { n: number; mappedMedian: number | null }) | null;
}
interface Pct { p50: number | null; p90: number | null; p99: number | null }
const pct = (v: readonly number[]): Pct => ({ p50: percentile(v, 0.5), p90: percentile(v, 0.9), p99: percentile(v, 0.99) });
const nums = (v: readonly (number | null | undefined)[]): number[] => v.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));

export function aggregate(wm: string, sessions: readonly SessionResult[], p: Params): Aggregate {
  const ok = sessions.filter((s) => s.idle !== null);
  const map: Aggregate['map'] = {};
  for (const n of p.counts) {
    const all = sessions.flatMap((s) => s.map[String(n)] ?? []);
    map[String(n)] = {
      n: all.length, failures: sessions.reduce((a, s) => a + (s.mapFailures[String(n)] ?? 0), 0),
      mapped: pct(all.map((x) => x.mapped)), ready: pct(all.map((x) => x.ready)),
      settledP50: median(all.map((x) => x.settled)), configuresMedian: median(all.map((x) => x.configures)),
    };
  }
  const startups = sessions.flatMap((s) => s.startupMs);
  const ew = sessions.map((s) => s.switchEwmh).filter((x) => x !== null);
  const key = sessions.map((s) => s.switchKey).filter((x) => x !== null);
  const ewSamples = ew.flatMap((x) => x.samples);
  const keySamples = key.flatMap((x) => x.samples);
  return {
    wm, rounds: sessions.length, failedRounds: sessions.filter((s) => !s.ok).length, map,
    startupMs: { ...pct(startups), n: startups.length },
    firstFrameMs: median(nums(sessions.flatMap((s) => s.firstFrameMs))),
    firstStartFrameMs: median(nums(sessions.map((s) => s.firstFrameMs[0]))),
    nodeStartMs: median(sessions.flatMap((s) => s.nodeStartMs)),
    startupRatio: median(nums(sessions.flatMap((s) => s.startupMs.map((m, i) => m / (s.startupNodeMs[i] ?? NaN))))),
    firstFrameRatio: median(nums(sessions.flatMap((s) => s.firstFrameMs.map((m, i) => m / (s.startupNodeMs[i] ?? NaN))))),
    msgVersionMs: median(sessions.flatMap((s) => s.msgVersionMs)),
    msgNextMs: median(sessions.flatMap((s) => s.msgNextMs)),
    splitMs: median(sessions.flatMap((s) => s.split?.samples ?? [])),
    splitNote: sessions.every((s) => s.split === null) ? 'n/a (no such binding)'
      : sessions.every((s) => (s.split?.samples.length ?? 0) === 0) ? 'no effect' : '',
    idleNodeCpuSeconds: median(nums(ok.map((s) => s.idle?.nodeCpuSeconds))),
    idleCpuSeconds: median(nums(ok.map((s) => s.idle?.cpuSeconds))),
    idleSeconds: median(nums(ok.map((s) => s.idle?.seconds))),
    rssIdleMiB: median(nums(ok.map((s) => s.idle?.rssMiB))),
    rssLoadedMiB: median(nums(sessions.map((s) => s.rssLoadedMiB))),
    rssLoadedWindows: Math.max(0, ...sessions.map((s) => s.rssLoadedWindows)),
    rssClosedMiB: median(nums(sessions.map((s) => s.rssClosedMiB))),
    burstMs: median(nums(sessions.map((s) => s.burst?.doneMs))),
    burstMapped: median(nums(sessions.map((s) => s.burst?.mapped))),
    switchEwmh: ew.length === 0 ? null : {
      ...pct(ewSamples), n: ewSamples.length, supported: ew.some((x) => x.supported),
      note: ew.find((x) => x.note !== '')?.note ?? '', mappedMedian: median(ew.flatMap((x) => x.mappedCounts)),
    },
    switchKey: key.length === 0 ? null : { ...pct(keySamples), n: keySamples.length, mappedMedian: median(key.flatMap((x) => x.mappedCounts)) },
  };
}

// ---- table ----
interface Row { label: string; values: (number | string | null)[]; digits: number; ratio: boolean }

function fmt(v: number | string | null, digits: number): string {
  if (v === null) return '-';
  if (typeof v === 'string') return v;
  return v.toFixed(digits);
}

export function rows(aggs: readonly Aggregate[], p: Params): Row[] {
  const out: Row[] = [];
  const add = (label: string, f: (a: Aggregate) => number | string | null, digits = 2, ratio = true): void => {
    out.push({ label, values: aggs.map(f), digits, ratio });
  };
  for (const n of p.counts) {
    const k = String(n);
    add(`map@${n} mapped p50 (ms)`, (a) => a.map[k]?.mapped.p50 ?? null);
    add(`map@${n} ready p50 (ms)`, (a) => a.map[k]?.ready.p50 ?? null);
    add(`map@${n} ready p90 (ms)`, (a) => a.map[k]?.ready.p90 ?? null);
    add(`map@${n} ready p99 (ms)`, (a) => a.map[k]?.ready.p99 ?? null);
    add(`map@${n} settled p50 (ms)`, (a) => a.map[k]?.settledP50 ?? null);
    add(`map@${n} samples`, (a) => a.map[k]?.n ?? null, 0, false);
  }
  const sw = p.switchPerWorkspace;
  const ewmh = (f: (s: NonNullable<Aggregate['switchEwmh']>) => number | null) => (a: Aggregate): number | string | null => {
    if (a.switchEwmh === null) return null;
    if (!a.switchEwmh.supported) return a.wm === 'fion' ? 'n/a (not supported yet)' : 'n/a (unsupported)';
    if (a.switchEwmh.n === 0) return 'no effect';
    return f(a.switchEwmh);
  };
  add(`switch ${sw}+${sw} EWMH p50 (ms)`, ewmh((s) => s.p50));
  add(`switch ${sw}+${sw} EWMH p90 (ms)`, ewmh((s) => s.p90));
  add(`switch ${sw}+${sw} key p50 (ms)`, (a) => a.switchKey?.p50 ?? null);
  add(`switch ${sw}+${sw} key p90 (ms)`, (a) => a.switchKey?.p90 ?? null);
  add(`switch key: dest. windows mapped`, (a) => a.switchKey?.mappedMedian ?? null, 0, false);
  add(`key split to screen p50 (ms)`, (a) => a.splitMs ?? (a.splitNote === '' ? null : a.splitNote));
  add(`burst ${p.burst} done (ms)`, (a) => a.burstMs, 1);
  add(`burst ${p.burst}: windows mapped`, (a) => a.burstMapped, 0, false);
  add(`start-up p50 (ms)`, (a) => a.startupMs.p50, 1);
  add(`first frame p50 (ms)`, (a) => a.firstFrameMs, 1);
  add(`first frame, a session's first start (ms)`, (a) => a.firstStartFrameMs, 1);
  add(`node -e 0 p50 (ms), same session`, (a) => a.nodeStartMs, 1, false);
  add(`start-up / node -e 0 before it, p50`, (a) => a.startupRatio, 2, false);
  add(`first frame / node -e 0 before it, p50`, (a) => a.firstFrameRatio, 2, false);
  add(`msg version p50 (ms)`, (a) => a.msgVersionMs ?? 'n/a', 1);
  add(`msg workspace next p50 (ms)`, (a) => a.msgNextMs ?? 'n/a', 1);
  add(`idle CPU (s over ${p.idleSec} s)`, (a) => a.idleCpuSeconds, 2);
  add(`idle CPU of a bare node waking 1/s`, (a) => a.idleNodeCpuSeconds, 2, false);
  add(`RSS idle (MiB)`, (a) => a.rssIdleMiB, 1);
  add(`RSS ${Math.max(...p.counts)} windows (MiB)`, (a) => a.rssLoadedMiB, 1);
  if (p.afterCloseSec > 0) add(`RSS ${p.afterCloseSec} s after they closed (MiB)`, (a) => a.rssClosedMiB, 1);
  return p.startupOnly === true ? out.filter((r) => /^(start-up|first frame|node -e 0)/.test(r.label)) : out;
}

/** The table of one group: ratios are its first Fion's (fion or fion-split) to each other manager. */
export function table(aggs: readonly Aggregate[], p: Params): string {
  const fionIdx = aggs.findIndex((a) => a.wm.startsWith('fion'));
  const peers = aggs.map((a, i) => ({ a, i })).filter((x) => x.i !== fionIdx);
  const head = ['metric', ...aggs.map((a) => a.wm), ...(fionIdx < 0 ? [] : peers.map((x) => `${aggs[fionIdx]!.wm}/${x.a.wm.replace('herbstluftwm', 'hlwm')}`))];
  const body: string[][] = [];
  for (const r of rows(aggs, p)) {
    const cells = [r.label, ...r.values.map((v) => fmt(v, r.digits))];
    if (fionIdx >= 0) {
      const f = r.values[fionIdx];
      for (const x of peers) {
        const v = r.values[x.i];
        cells.push(!r.ratio || typeof f !== 'number' || typeof v !== 'number' ? '' : v === 0 ? (f === 0 ? '1.00' : 'inf') : (f / v).toFixed(2));
      }
    }
    body.push(cells);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

// ---- SVG: grouped bars of map latency ("ready") p50 with p99 behind, per window count, per WM ----
const COLORS: Record<string, [string, string]> = {
  fion: ['#458588', '#a3c9cc'], i3: ['#d79921', '#f0d08f'], dwm: ['#cc241d', '#eca29f'], herbstluftwm: ['#689d6a', '#b6d3b7'],
  'fion-split': ['#458588', '#a3c9cc'], 'i3-tabbed': ['#d79921', '#f0d08f'], 'dwm-monocle': ['#cc241d', '#eca29f'], 'herbstluftwm-max': ['#689d6a', '#b6d3b7'],
};
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function svg(aggs: readonly Aggregate[], p: Params, subtitle: string): string {
  const W = 880, H = 440, left = 70, right = 20, top = 60, bottom = 70;
  const plotW = W - left - right, plotH = H - top - bottom;
  const vals = aggs.flatMap((a) => p.counts.map((n) => a.map[String(n)]?.ready.p99 ?? 0));
  const max = Math.max(1, ...vals);
  const step = [0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000].find((s) => max / s <= 6) ?? 10000;
  const yMax = Math.ceil(max / step) * step;
  const y = (v: number): number => top + plotH - (v / yMax) * plotH;
  const groupW = plotW / p.counts.length;
  const barW = Math.min(40, (groupW * 0.8) / Math.max(1, aggs.length));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${W / 2}" y="22" text-anchor="middle" font-size="16" font-weight="bold">Map latency (MapWindow to mapped and finally configured), by windows already managed</text>`);
  out.push(`<text x="${W / 2}" y="40" text-anchor="middle" fill="#555">${esc(subtitle)}</text>`);
  for (let v = 0; v <= yMax + 1e-9; v += step) {
    out.push(`<line x1="${left}" x2="${W - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/>`);
    out.push(`<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${+v.toFixed(2)}</text>`);
  }
  out.push(`<text transform="translate(18 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">ms</text>`);
  p.counts.forEach((n, gi) => {
    const gx = left + gi * groupW + (groupW - barW * aggs.length) / 2;
    aggs.forEach((a, i) => {
      const m = a.map[String(n)];
      const [dark, light] = COLORS[a.wm] ?? ['#777', '#ccc'];
      const x = gx + i * barW;
      if (m?.ready.p99 != null) {
        out.push(`<rect x="${x.toFixed(1)}" y="${y(m.ready.p99).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(y(0) - y(m.ready.p99)).toFixed(1)}" fill="${light}"><title>${esc(a.wm)} @${n}: p99 ${m.ready.p99.toFixed(2)} ms</title></rect>`);
      }
      if (m?.ready.p50 != null) {
        out.push(`<rect x="${(x + barW * 0.2).toFixed(1)}" y="${y(m.ready.p50).toFixed(1)}" width="${(barW * 0.6 - 2).toFixed(1)}" height="${(y(0) - y(m.ready.p50)).toFixed(1)}" fill="${dark}"><title>${esc(a.wm)} @${n}: p50 ${m.ready.p50.toFixed(2)} ms</title></rect>`);
        out.push(`<text x="${(x + barW / 2 - 1).toFixed(1)}" y="${(y(m.ready.p99 ?? m.ready.p50) - 4).toFixed(1)}" text-anchor="middle" font-size="9">${m.ready.p50 < 10 ? m.ready.p50.toFixed(1) : m.ready.p50.toFixed(0)}</text>`);
      } else {
        out.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${(y(0) - 4).toFixed(1)}" text-anchor="middle" font-size="9">n/a</text>`);
      }
    });
    out.push(`<text x="${(left + gi * groupW + groupW / 2).toFixed(1)}" y="${top + plotH + 18}" text-anchor="middle">${n} window${n === 1 ? '' : 's'}</text>`);
  });
  out.push(`<line x1="${left}" x2="${W - right}" y1="${y(0)}" y2="${y(0)}" stroke="#333"/>`);
  let lx = left;
  const ly = H - 22;
  for (const a of aggs) {
    const [dark, light] = COLORS[a.wm] ?? ['#777', '#ccc'];
    out.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${dark}"/><rect x="${lx + 13}" y="${ly - 10}" width="12" height="12" fill="${light}"/>`);
    out.push(`<text x="${lx + 30}" y="${ly}">${esc(a.wm)}</text>`);
    lx += 40 + a.wm.length * 8;
  }
  out.push(`<text x="${W - right}" y="${ly}" text-anchor="end" fill="#555">dark: p50, light: p99</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

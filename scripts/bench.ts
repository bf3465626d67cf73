// `npm run bench`: Fion against i3, dwm and herbstluftwm, each on a private Xvfb,
// driven by a benchmark client written with `x11` (scripts/bench/xclient.ts).
// Measurements and their definitions: docs/bench/README.md. Nothing is installed:
// missing peers are named, with the command that installs them, and skipped.
//
//   npm run bench -- --quick            small run for CI (< 2 min)
//   npm run bench -- --rounds 3         full run, window managers alternating per round
//   npm run bench -- --only fion,dwm --idle 5 --samples 50 --out docs/bench
//   npm run bench -- --only fion,fion-bundle    tsc's dist/src against the packages' bundle
//   npm run bench -- --only fion --startup-only --startups 9    the start-up rows alone
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ALL, EXTRA, available, byName, type WmSpec } from './bench/wms.js';
import type { Params, SessionResult } from './bench/measure.js';
import { aggregate, svg, table } from './bench/report.js';
import { installExitHandlers, killAll, runChild, which } from './bench/procs.js';
import { fileURLToPath } from 'node:url';

const USAGE = `usage: npm run bench -- [--quick] [--only fion,fion-bundle,i3,dwm,herbstluftwm] [--rounds N] [--out DIR]
       [--idle SECONDS] [--idle-after-start SECONDS] [--after-close SECONDS] [--samples N] [--settle MS] [--counts 1,50,200,500] [--burst N]
       [--switch-windows N] [--switch-samples N] [--startups N] [--startup-only]`;

function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      'idle-after-start': { type: 'string' },
      only: { type: 'string' },
      rounds: { type: 'string' },
      out: { type: 'string' },
      idle: { type: 'string' },
      'after-close': { type: 'string' },
      samples: { type: 'string' },
      settle: { type: 'string' },
      counts: { type: 'string' },
      burst: { type: 'string' },
      'switch-windows': { type: 'string' },
      'switch-samples': { type: 'string' },
      startups: { type: 'string' },
      'startup-only': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) { console.log(USAGE); return Promise.resolve(0); }
  const int = (v: string | undefined, d: number, name: string): number => {
    if (v === undefined) return d;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name}: not a number: ${v}`);
    return n;
  };
  const q = values.quick;
  const params: Params = {
    counts: values.counts !== undefined ? values.counts.split(',').map(Number).sort((a, b) => a - b) : q ? [0, 1, 50] : [0, 1, 50, 200, 500],
    samples: int(values.samples, q ? 20 : 100, 'samples'),
    settleMs: int(values.settle, q ? 50 : 100, 'settle'),
    idleSec: int(values.idle, q ? 2 : 60, 'idle'),
    idleAfterStartSec: int(values['idle-after-start'], q ? 0 : 20, 'idle-after-start'),
    afterCloseSec: int(values['after-close'], q ? 2 : 60, 'after-close'),
    burst: int(values.burst, q ? 100 : 200, 'burst'),
    switchPerWorkspace: int(values['switch-windows'], q ? 50 : 100, 'switch-windows'),
    switchSamples: int(values['switch-samples'], q ? 10 : 30, 'switch-samples'),
    startups: Math.max(1, int(values.startups, q ? 2 : 5, 'startups')),
    startupOnly: values['startup-only'] ?? false,
  };
  const rounds = Math.max(1, int(values.rounds, 1, 'rounds'));
  const out = resolve(values.out ?? 'docs/bench');

  if (which('Xvfb') === null) {
    console.error('bench: Xvfb is missing (Debian: sudo apt-get install xvfb)');
    return Promise.resolve(2);
  }
  let wanted: WmSpec[] = [...ALL];
  if (values.only !== undefined) {
    wanted = [];
    for (const n of values.only.split(',').map((s) => s.trim()).filter(Boolean)) {
      const w = byName(n);
      if (w === undefined) throw new Error(`--only: unknown window manager ${n} (known: ${[...ALL, ...EXTRA].map((x) => x.name).join(', ')})`);
      wanted.push(w);
    }
  }
  const missing = wanted.filter((w) => !available(w));
  for (const m of missing) console.log(`bench: ${m.name} is not installed: skipped. Install it with: ${m.install}`);
  if (missing.length > 0) console.log(`bench: all missing peers at once: sudo apt-get install ${missing.map((m) => m.install.split(' ').pop()).join(' ')}`);
  const wms = wanted.filter(available);
  if (wms.length === 0) { console.error('bench: nothing to run'); return Promise.resolve(2); }

  // Expected duration: per session, start-ups, idle, map samples (two quiet periods each), fills, burst, switches.
  const perSession = params.startups * 0.8 + 1 + Math.max(params.idleSec, params.idleSec + params.idleAfterStartSec - 5) + params.afterCloseSec +
    params.counts.length * params.samples * (2 * params.settleMs + 15) / 1000 +
    Math.max(...params.counts) / 100 * 0.6 + 3 + 2 * params.switchSamples * (2 * params.settleMs + 60) / 1000 + 3;
  const total = (params.startupOnly ? params.startups * 0.8 + 2 : perSession) * wms.length * rounds;
  console.log(params.startupOnly
    ? `bench: ${wms.map((w) => w.name).join(', ')}; ${rounds} round${rounds > 1 ? 's' : ''}; start-ups ${params.startups}, nothing else`
    : `bench: ${wms.map((w) => w.name).join(', ')}; ${rounds} round${rounds > 1 ? 's' : ''}; counts ${params.counts.join(',')}; ` +
    `${params.samples} samples; settle ${params.settleMs} ms; idle ${params.idleSec} s; burst ${params.burst}; ` +
    `switch ${params.switchPerWorkspace}+${params.switchPerWorkspace} x${params.switchSamples}; start-ups ${params.startups}`);
  console.log(`bench: expected duration about ${Math.round(total / 60 * 10) / 10} min (${Math.round(perSession)} s per window manager per round; slow managers take longer)`);

  return run(wms, params, rounds, out, values.quick ?? false);
}

async function run(wms: WmSpec[], params: Params, rounds: number, out: string, quick: boolean): Promise<number> {
  installExitHandlers();
  const t0 = Date.now();
  const sessions: SessionResult[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      // Round-robin: each round starts with the next manager, so drift hits all alike.
      const order = wms.map((_, i) => wms[(i + r) % wms.length]!);
      for (const w of order) {
        console.log(`round ${r + 1}/${rounds}: ${w.name}`);
        const s = await runChild<SessionResult>(fileURLToPath(new URL('./bench/session-main.js', import.meta.url)),
          [JSON.stringify({ wm: w.name, params, round: r + 1 })]);
        console.log(`  (${s.wallSeconds.toFixed(0)} s)`);
        sessions.push(s);
      }
    }
  } finally {
    killAll();
  }
  const aggs = wms.map((w) => aggregate(w.name, sessions.filter((s) => s.wm === w.name), params));
  const minutes = (Date.now() - t0) / 60000;
  // Equal work only: tabbed managers against tabbed, everything-shown against everything-shown.
  const groups = (['tabbed', 'visible'] as const).map((kind) => ({ kind, aggs: aggs.filter((_, i) => wms[i]!.kind === kind) }))
    .filter((g) => g.aggs.length > 0);
  const text = groups.map((g) => `${g.kind === 'tabbed' ? 'Tabbed (one window shown per tile or workspace)' : 'Every window shown'}:\n${table(g.aggs, params)}`).join('\n\n');
  console.log('');
  console.log(text);
  console.log('');
  console.log(`ready = MapWindow -> window (and frame) mapped and its last ConfigureNotify; settled = -> last event on any ` +
    `benchmark window; a measurement ends after ${params.settleMs} ms without events. Ratios are Fion/peer ` +
    `(> 1: Fion is slower/bigger). Took ${minutes.toFixed(1)} min.`);
  for (const s of sessions) for (const n of s.notes) console.log(`note: ${s.wm} round ${s.round}: ${n}`);
  for (const s of sessions) if (s.error !== null) console.log(`error: ${s.wm} round ${s.round}: ${s.error}`);

  const meta = {
    date: new Date().toISOString(), quick, rounds, params, minutes,
    node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', loadavg: loadavg(), memGiB: totalmem() / 2 ** 30,
    xvfb: (() => { try { return execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'xvfb']).toString(); } catch { return 'unknown'; } })(),
    versions: Object.fromEntries(wms.map((w) => [w.name, w.version()])),
    configs: Object.fromEntries(wms.map((w) => [w.name, w.config])),
  };
  mkdirSync(out, { recursive: true });
  // A start-up-only run must not replace a full run's files.
  const base = quick ? 'bench-quick' : params.startupOnly === true ? 'bench-startup' : 'bench';
  writeFileSync(join(out, `${base}.json`), JSON.stringify({ meta, table: text, aggregates: aggs, sessions }, null, 1) + '\n');
  if (params.startupOnly === true) { console.log(`wrote ${join(out, `${base}.json`)}`); return sessions.some((s) => !s.ok) ? 1 : 0; }
  const sub = `${meta.date.slice(0, 10)}, ${meta.cpus} CPUs, ${rounds} round(s), ${params.samples} samples per count per round, Xvfb`;
  writeFileSync(join(out, `${base}-map-latency.svg`), svg(aggs, params, sub));
  console.log(`wrote ${join(out, `${base}.json`)} and ${join(out, `${base}-map-latency.svg`)}`);
  return sessions.some((s) => !s.ok) ? 1 : 0;
}

main().then((code) => { killAll(); process.exit(code); }, (e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  console.error(USAGE);
  killAll();
  process.exit(2);
});

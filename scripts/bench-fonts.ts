// `node dist/scripts/bench-fonts.js [--rounds N] [--redraws N]`: what anti-aliased text
// costs against misc-fixed, measured in the same run on the same private Xvfb.
//   start-up: exec of Fion to its "managing" line (fonts opened, the first bar drawn);
//   RSS: Fion's resident memory 1.5 s after that;
//   redraw: one full bar (1280 px, workspaces, a title, status, clock) painted N times,
//   then a round trip, per paint; and the clock cell alone (what a tick paints).
import { parseArgs } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installExitHandlers, rssMiB, sleep, start, startXvfb, stop } from './bench/procs.js';
import { XConnection } from '../src/x/connection.js';
import { Painter, type Cell } from '../src/render/paint.js';
import { openBarFont } from '../src/app/fonts.js';
import { fallbackConfig } from '../src/config/defaults.js';
import type { WindowId } from '../src/x/types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const FONTS = {
  'misc-fixed (core)': '-misc-fixed-medium-r-normal--13-120-75-75-c-70-iso10646-1',
  'DejaVu Sans Mono 10 (anti-aliased)': 'DejaVu Sans Mono 10',
} as const;

const { values } = parseArgs({ options: { rounds: { type: 'string' }, redraws: { type: 'string' } } });
const rounds = Math.max(1, Number(values.rounds ?? 3));
const redraws = Math.max(1, Number(values.redraws ?? 1000));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function startUp(display: string, dir: string, font: string): Promise<{ ms: number; rss: number }> {
  const config = join(dir, 'config.yaml');
  writeFileSync(config, `font: ${JSON.stringify(font)}\n`);
  const log = join(dir, 'fion.log');
  const t0 = performance.now();
  const p = start(process.execPath, [join(root, 'dist/src/cli.js'), '--config', config],
    { env: { ...process.env, DISPLAY: display, XDG_STATE_HOME: dir, XDG_CONFIG_HOME: dir }, stdio: ['ignore', 'ignore', 'pipe'] });
  let out = '';
  p.process.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
  while (!/info: managing/.test(out)) {
    if (performance.now() - t0 > 30_000) throw new Error(`Fion did not start:\n${out}`);
    await sleep(2);
  }
  const ms = performance.now() - t0;
  writeFileSync(log, out);
  await sleep(1500);
  const rss = await rssMiB(p.pid);
  await stop(p);
  return { ms, rss };
}

async function redraw(display: string, font: string): Promise<{ full: number; clock: number }> {
  const x = await XConnection.connect(display);
  const screen = x.screens[0]!;
  const f = await openBarFont(x, { ...fallbackConfig(), font, fontFallbacks: [] }, 1);
  const height = f.metrics.ascent + f.metrics.descent + 6;
  const w = x.createWindow(x.allocId(), screen.root, 0, 0, 1280, height, { backgroundPixel: 0 }) as WindowId;
  x.map(w);
  const painter = new Painter(x, f);
  const cell = (at: number, width: number, text: string, fg = 0xebdbb2, bg = 0x1d2021): Cell => ({ x: at, width, text, fg, bg });
  const cells: Cell[] = [
    cell(0, 20, '1', 0xfbf1c7, 0x458588), cell(20, 20, '2', 0xa89984), cell(40, 20, '3', 0xa89984),
    cell(60, 700, 'tile 1/2 | tab 1/3 | ~/src/fion — vim src/render/aatext.ts — 東京 café'),
    cell(760, 360, 'cpu 12% | mem 3.1G | wlan0 192.168.1.2 | vol 40%'),
    cell(1120, 160, '2026-12-05 01:28:49'),
  ];
  // Warm up: every glyph rasterised and uploaded, fallback faces found.
  painter.paint(screen, w, 1280, height, 0x1d2021, cells);
  await x.sync();
  await sleep(1000);
  painter.paint(screen, w, 1280, height, 0x1d2021, cells);
  await x.sync();
  let t0 = performance.now();
  for (let i = 0; i < redraws; i++) painter.paint(screen, w, 1280, height, 0x1d2021, cells);
  await x.sync();
  const full = (performance.now() - t0) / redraws;
  t0 = performance.now();
  for (let i = 0; i < redraws; i++) painter.paintCells(screen, w, height, [cell(1120, 160, `2026-12-05 01:28:${String(i % 60).padStart(2, '0')}`)]);
  await x.sync();
  const clock = (performance.now() - t0) / redraws;
  await x.close();
  return { full, clock };
}

installExitHandlers();
const { display, server } = await startXvfb();
const dir = mkdtempSync(join(tmpdir(), 'fion-bench-fonts-'));
try {
  const results = new Map<string, { ms: number[]; rss: number[]; full: number[]; clock: number[] }>();
  for (let r = 0; r < rounds; r++) {
    for (const [name, font] of Object.entries(FONTS)) {
      const res = results.get(name) ?? { ms: [], rss: [], full: [], clock: [] };
      results.set(name, res);
      const s = await startUp(display, dir, font);
      res.ms.push(s.ms);
      res.rss.push(s.rss);
      const d = await redraw(display, font);
      res.full.push(d.full);
      res.clock.push(d.clock);
    }
  }
  process.stdout.write(`Fion's text, ${rounds} rounds (medians), ${redraws} redraws each, Xvfb 1280x800\n`);
  process.stdout.write('| font | start-up to managing (ms) | RSS after start (MiB) | full bar redraw (ms) | clock cell (ms) |\n|---|---|---|---|---|\n');
  for (const [name, r] of results) {
    process.stdout.write(`| ${name} | ${median(r.ms).toFixed(0)} | ${median(r.rss).toFixed(1)} | ${median(r.full).toFixed(3)} | ${median(r.clock).toFixed(3)} |\n`);
  }
} finally {
  await stop(server);
}

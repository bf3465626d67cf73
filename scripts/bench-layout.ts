// `npm run bench:layout`: relayout cost must not depend on what hidden workspaces hold.
// Times layout() (src/layout) on models whose visible workspace is identical (20 clients
// in two tiles on a 1920x1080 monitor) and whose hidden workspaces hold 0, 1000 or 10000
// clients (over 100 hidden workspaces, each split in two, as in largeModel), plus 100 empty
// hidden workspaces, to tell workspace count from client count. Prints per-call
// times and their ratio to the 0-hidden model. Informational: nothing here fails on time.
import { performance } from 'node:perf_hooks';
import { layout, type LayoutTheme } from '../src/layout/index.js';
import { addClient, createModel, createWorkspace, focusTile, gotoWorkspace, splitTile, windowId, type Model } from '../src/model/index.js';

const THEME: LayoutTheme = { barHeight: 19, tabBarHeight: 19 };
const VISIBLE = 20;
const HIDDEN_WORKSPACES = 100;

function model(hidden: number, hiddenWorkspaces: number): Model {
  let m = createModel([{ name: 'screen0', screen: 0, rect: { x: 0, y: 0, width: 1920, height: 1080 } }]);
  m = splitTile(m, 'vertical');
  let id = 1;
  const add = (mm: Model): Model => addClient(mm, { id: windowId(id), title: `client ${id++}`, instance: 'xterm', class: 'XTerm', urgent: false });
  for (let c = 0; c < VISIBLE; c++) { if (c > 0) m = focusTile(m, 'next'); m = add(m); }
  if (hiddenWorkspaces > 0) {
    for (let w = 0; w < hiddenWorkspaces; w++) m = splitTile(createWorkspace(m), 'vertical');
    for (let c = 0; c < hidden; c++) {
      m = gotoWorkspace(m, 2 + (c % hiddenWorkspaces));
      if (c >= hiddenWorkspaces) m = focusTile(m, 'next');
      m = add(m);
    }
  }
  return gotoWorkspace(m, 1);
}

/** Calls per batch so that a batch runs ~20 ms (after warming up the JIT on `m`). */
function batchSize(m: Model): number {
  let sink = 0;
  for (let i = 0; i < 2000; i++) sink += layout(m, THEME).clients.size;
  let n = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < n; i++) sink += layout(m, THEME).clients.size;
    if (performance.now() - t > 20 || sink < 0) return n;
    n *= 2;
  }
}

/** Per-call time in microseconds of one batch of `n` calls. */
function batch(m: Model, n: number): number {
  let sink = 0;
  const t = performance.now();
  for (let i = 0; i < n; i++) sink += layout(m, THEME).clients.size;
  const us = ((performance.now() - t) * 1000) / n;
  if (sink < 0) console.log(sink); // keep the results alive
  return us;
}

const configs = [[0, 0], [0, HIDDEN_WORKSPACES], [1000, HIDDEN_WORKSPACES], [10000, HIDDEN_WORKSPACES]] as const;
const models = configs.map(([hidden, workspaces]) => {
  const t = performance.now();
  const m = model(hidden, workspaces);
  return { hidden, workspaces, m, build: performance.now() - t, n: 0, per: [] as number[] };
});
for (const r of models) r.n = batchSize(r.m);
// Batches of the four models alternate, so JIT warm-up, GC and a busy machine hit all alike.
const BATCHES = 25;
for (let b = 0; b < BATCHES; b++) for (const r of models) r.per.push(batch(r.m, r.n));
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const rows = models.map((r) => ({ ...r, us: median(r.per), calls: r.n * BATCHES, clients: r.m.clients.size }));
const base = rows[0]!.us;
console.log(`layout() per call, same visible workspace (${VISIBLE} clients, 2 tiles), median of ${BATCHES} interleaved batches:`);
const base100 = rows[1]!.us;
console.log('hidden clients  hidden workspaces  per call (us)  ratio to first  ratio to 0 clients/100 ws  (model built in)');
for (const r of rows) {
  console.log(`${String(r.hidden).padStart(14)}  ${String(r.workspaces).padStart(17)}  ${r.us.toFixed(2).padStart(13)}  ` +
    `${(r.us / base).toFixed(2).padStart(14)}  ${r.workspaces === 0 ? '' .padStart(25) : (r.us / base100).toFixed(2).padStart(25)}  ` +
    `(${(r.build / 1000).toFixed(1)} s, ${r.calls} calls)`);
}
console.log('Building the 10000-client model is slow because addClient copies the clients Map each time (O(n) per add).');

// `npm run bench:alloc`: what a map costs Fion's heap with many windows. A whole Fion runs
// on the fake X server (test/fake), holds N windows, then maps and destroys one window at a
// time; V8's sampling heap profiler counts every allocation, collected or not, and the GC
// entries say how often the young generation filled. Run it under bin/fion's V8 flags (the
// npm script does): without the optimising compiler, garbage is what costs a map most at 500
// windows. Prints KiB per cycle, the allocation sites that make most of it, scavenges and
// GC time. Informational: nothing fails on a figure. The fake server's own allocations
// (test/fake) are counted apart.
//
//   node --no-opt --max-semi-space-size=1 dist/scripts/bench-alloc.js [--windows 500]
//        [--cycles 200] [--placement split] [--top 20]
import { parseArgs } from 'node:util';
import { Session } from 'node:inspector';
import { PerformanceObserver, performance, type PerformanceEntry } from 'node:perf_hooks';
import type { TestContext } from 'node:test';
import { fallbackConfig } from '../src/config/defaults.js';
import { startFakeFion } from '../test/app/support.js';
import { setLogLevel } from '../src/log.js';

interface ProfileNode { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: ProfileNode[] }

const { values } = parseArgs({
  options: {
    windows: { type: 'string', default: '500' }, cycles: { type: 'string', default: '200' },
    placement: { type: 'string', default: 'split' }, top: { type: 'string', default: '20' },
  },
});
const windows = Number(values.windows);
const cycles = Number(values.cycles);
const placement = values.placement as 'tab' | 'split' | 'master';
setLogLevel('error');

const session = new Session();
session.connect();
const post = <T>(method: string, params: object = {}): Promise<T> =>
  new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r as T))));

const t = { after: () => {} } as unknown as TestContext; // shut down by hand below
const { x, wm } = await startFakeFion(t, { config: { ...fallbackConfig(), placement } });
for (let i = 0; i < windows; i++) {
  x.createClientWindow({ title: `window ${i}`, map: true });
  if (i % 50 === 49) await x.settle();
}
await x.settle();

const gcs: PerformanceEntry[] = [];
const observer = new PerformanceObserver((list) => { gcs.push(...list.getEntries()); });
observer.observe({ entryTypes: ['gc'] });
await post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const times: number[] = [];
for (let i = 0; i < cycles; i++) {
  const t0 = performance.now();
  const w = x.createClientWindow({ title: `new ${i}`, map: true });
  await x.settle();
  times.push(performance.now() - t0);
  x.clientDestroy(w);
  await x.settle();
}
const { profile } = await post<{ profile: { head: ProfileNode } }>('HeapProfiler.stopSampling');
await new Promise((r) => setTimeout(r, 50)); // the last GC entries
observer.disconnect();

// Each sample is charged to the nearest frame of Fion's own code (src/), or to the fake
// server when that frame is in test/: "next <- urgentIn" rather than "next".
const bySite = new Map<string, number>();
let fake = 0;
let total = 0;
const visit = (n: ProfileNode, site: string | null, inFake: boolean): void => {
  const f = n.callFrame;
  const own = /\/dist\/src\//.test(f.url);
  const fakeFrame = /\/dist\/test\//.test(f.url);
  const here = own ? `${f.functionName || '(anonymous)'} ${f.url.replace(/.*\/dist\//, '')}:${f.lineNumber + 1}` : site;
  const underFake = fakeFrame || (inFake && !own);
  total += n.selfSize;
  if (underFake) fake += n.selfSize;
  else if (here !== null) bySite.set(here, (bySite.get(here) ?? 0) + n.selfSize);
  for (const c of n.children) visit(c, here, underFake);
};
visit(profile.head, null, false);

const kib = (bytes: number): string => (bytes / cycles / 1024).toFixed(1).padStart(8);
const sorted = [...times].sort((a, b) => a - b);
const scavenges = gcs.filter((g) => (g as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === 1).length;
console.log(`${windows} windows (${placement}), ${cycles} cycles of map + destroy on the fake X server`);
console.log(`allocated per cycle: ${kib(total).trim()} KiB (the fake server's part ${kib(fake).trim()} KiB)`);
console.log(`GCs: ${gcs.length} (${scavenges} scavenges), ${gcs.reduce((s, g) => s + g.duration, 0).toFixed(0)} ms in all; ` +
  `map to settled (fake server included) p50 ${sorted[Math.floor(cycles / 2)]!.toFixed(2)} ms`);
console.log(`KiB per cycle by Fion's allocating function (builtins charged to their caller):`);
for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`${kib(bytes)}  ${site}`);
await wm.shutdown(0);
process.exit(0);

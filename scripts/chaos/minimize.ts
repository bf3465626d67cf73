// Cutting a failing op list down to a minimal reproduction (delta debugging,
// Zeller's ddmin): every trial replays a subset against a fresh Xvfb + Fion
// with one invariant check at the end, and keeps the subset if the same kind
// of violation (window ids and numbers aside) shows up again.
import { runChaos, defaultChaosOptions } from './engine.js';
import { startOwnTarget } from './target.js';
import type { Op } from './ops.js';

/** A violation's text with ids and numbers blanked: "the same kind of failure". */
export const violationKind = (text: string): string => text.replace(/0x[0-9a-f]+/g, '0x#').replace(/[-+]?\d+/g, '#');

export async function reproduces(ops: readonly Op[], kind: string, o: { keys: boolean; clients: number; skip: readonly string[] }): Promise<boolean> {
  const t = await startOwnTarget();
  try {
    const r = await runChaos(t, defaultChaosOptions({
      // Checked every 25 ops as well as at the end: some states don't last.
      seed: 0, replay: ops, ops: ops.length, checkEvery: 25, clients: o.clients, keys: o.keys,
      seconds: 600, skip: o.skip,
    }));
    return r.violations.some((v) => violationKind(v.text) === kind) || (kind === 'crash' && r.crashes.length > 0);
  } finally {
    await t.stop();
  }
}

export async function minimize(ops: readonly Op[], kind: string, o: { keys: boolean; clients: number; skip: readonly string[]; log: (l: string) => void; maxTrials?: number }): Promise<Op[]> {
  let cur = [...ops];
  let trials = 0;
  const max = o.maxTrials ?? 400;
  const test = async (xs: readonly Op[]): Promise<boolean> => {
    trials++;
    return reproduces(xs, kind, o);
  };
  if (!(await test(cur))) {
    o.log(`minimize: the full list (${cur.length} ops) does not reproduce "${kind}" on replay; giving up`);
    return cur;
  }
  let n = 2;
  while (cur.length >= 2 && trials < max) {
    const size = Math.ceil(cur.length / n);
    let reduced = false;
    for (let i = 0; i < n && trials < max; i++) {
      const complement = [...cur.slice(0, i * size), ...cur.slice((i + 1) * size)];
      if (complement.length === 0 || complement.length === cur.length) continue;
      if (await test(complement)) {
        cur = complement;
        n = Math.max(n - 1, 2);
        reduced = true;
        o.log(`minimize: ${cur.length} ops (trial ${trials})`);
        break;
      }
    }
    if (!reduced) {
      if (n >= cur.length) break;
      n = Math.min(cur.length, n * 2);
    }
  }
  o.log(`minimize: done after ${trials} trials: ${cur.length} ops`);
  return cur;
}

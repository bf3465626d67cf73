// Chaos client: bounded, seeded storms of client behaviour against Fion, with
// the invariants checked along the way. "Nothing lost, nothing crashes."
//
//   npm run chaos -- --seed 1 --ops 3000
//   npm run chaos -- --soak 3 [--seed 7]   a soak: as many ops as fit in 3 hours, progress every 1000,
//                                           ops, violations, crashes and Fion's RSS every 10 minutes
//   node dist/scripts/chaos.js --seed 1 --ops 3000 [--seconds 60] [--check-every 100]
//       [--clients 6] [--no-keys] [--no-close] [--skip focus,fake] [--trace]
//                                        --no-keys also leaves out the pointer drags (drag.move,
//                                        drag.resize, drag.border; --skip takes them one by one)
//                                        i3 ops send i3 command lists and GET_TREE / GET_WORKSPACES
//                                        over the i3 socket (--skip i3 leaves them out)
//       [--display :5 [--pid 1234]]      attack a Fion that is already running
//       [--config FILE]                  the Fion it starts reads FILE (gaps, borders...) instead of no config
//       [--save ops.json] [--replay ops.json] [--stop-on-violation] [--verbose-fion] [--print-log]
//       [--hold SECONDS]                after a violation or crash, keep Xvfb and Fion this long to look at
//       [--sample-every SECONDS]        a sample (ops, violations, crashes, RSS) this often (default 600)
//       [--crash-every N]               kill -9 Fion's Node process every N ops (run under bin/fion's supervisor)
//       [--known REGEX]...              violations matching REGEX are known bugs: listed apart, not failing
//       [--minimize [--minimize-match REGEX]]  cut the first (matching) violation down to a minimal op list
//                                         (saved to --save FILE, default chaos-min-SEED.json)
//
// Exit code 0 only with no invariant violation and no crash.
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { runChaos, formatReport, defaultChaosOptions } from './chaos/engine.js';
import { randomSeed } from './chaos/prng.js';
import { startOwnTarget, foreignTarget, type Target } from './chaos/target.js';
import { showOp, type Op } from './chaos/ops.js';
import { minimize, violationKind } from './chaos/minimize.js';

async function main(): Promise<number> {
  const { values: a } = parseArgs({
    options: {
      seed: { type: 'string' },
      soak: { type: 'string' },
      ops: { type: 'string', default: '3000' },
      seconds: { type: 'string', default: '300' },
      'check-every': { type: 'string', default: '100' },
      clients: { type: 'string', default: '6' },
      'max-windows': { type: 'string', default: '150' },
      'no-keys': { type: 'boolean', default: false },
      'no-close': { type: 'boolean', default: false },
      skip: { type: 'string', default: '' },
      known: { type: 'string', multiple: true, default: [] },
      minimize: { type: 'boolean', default: false },
      'minimize-match': { type: 'string' },
      display: { type: 'string' },
      pid: { type: 'string' },
      save: { type: 'string' },
      replay: { type: 'string' },
      'stop-on-violation': { type: 'boolean', default: false },
      'verbose-fion': { type: 'boolean', default: false },
      'print-log': { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      'crash-every': { type: 'string', default: '0' },
      'sample-every': { type: 'string', default: '600' },
      hold: { type: 'string', default: '0' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (a.help) {
    process.stdout.write(readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('// ') || l === '//').map((l) => l.slice(3)).join('\n') + '\n');
    return 0;
  }
  const num = (s: string | undefined, name: string): number => {
    const n = Number(s);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name}: not a number: ${s}`);
    return n;
  };
  const seed = a.seed === undefined ? randomSeed() : num(a.seed, 'seed') >>> 0;
  // A soak: bounded by time only; ops are not kept (the seed and op index reproduce them).
  const soakHours = a.soak === undefined ? null : num(a.soak, 'soak');
  if (soakHours !== null && (a.minimize || a.save !== undefined)) throw new Error('--soak: use --seed S --ops N --minimize on what it finds');
  const replay = a.replay === undefined ? undefined : (JSON.parse(readFileSync(a.replay, 'utf8')) as { seed?: number; ops: Op[] }).ops;
  process.stdout.write(`chaos: seed ${seed}${replay ? ` (replaying ${replay.length} ops from ${a.replay})` : ''}\n`);

  let own: Awaited<ReturnType<typeof startOwnTarget>> | null = null;
  let target: Target;
  if (a.display !== undefined) {
    target = foreignTarget(a.display, a.pid === undefined ? null : num(a.pid, 'pid'));
  } else {
    own = await startOwnTarget({
      verbose: a['verbose-fion'], supervised: num(a['crash-every'], 'crash-every') > 0,
      ...(a.config === undefined ? {} : { args: ['--config', a.config] }),
    });
    target = own;
    process.stdout.write(`chaos: Xvfb ${own.display}, Fion pid ${own.pid}\n`);
  }
  try {
    const report = await runChaos(target, defaultChaosOptions({
      seed,
      ops: soakHours === null ? num(a.ops, 'ops') : Number.MAX_SAFE_INTEGER,
      seconds: soakHours === null ? num(a.seconds, 'seconds') : soakHours * 3600,
      keepOps: soakHours === null,
      checkEvery: Math.max(1, num(a['check-every'], 'check-every')),
      clients: Math.max(1, num(a.clients, 'clients')),
      maxWindows: num(a['max-windows'], 'max-windows'),
      keys: !a['no-keys'],
      closeKey: !a['no-close'],
      skip: a.skip.split(',').map((s) => s.trim()).filter((s) => s !== ''),
      ...(replay === undefined ? {} : { replay }),
      stopOnViolation: a['stop-on-violation'],
      known: a.known.map((k) => new RegExp(k)),
      trace: a.trace,
      crashEvery: num(a['crash-every'], 'crash-every'),
      sampleEvery: num(a['sample-every'], 'sample-every'),
      hold: num(a.hold, 'hold'),
      log: (l) => process.stdout.write(`${l}\n`),
    }));
    if (a.save !== undefined && !a.minimize) writeFileSync(a.save, JSON.stringify({ seed, ops: report.ops }));
    process.stdout.write(`${formatReport(report)}\n`);
    if (a['print-log'] || report.crashes.length > 0) process.stdout.write(`--- Fion log (tail) ---\n${target.log().slice(-8000)}\n`);
    if (a.minimize && (report.violations.length > 0 || report.crashes.length > 0)) {
      const match = a['minimize-match'] === undefined ? null : new RegExp(a['minimize-match']);
      const v = report.violations.find((x) => match === null || match.test(x.text));
      if (v === undefined && report.crashes.length === 0) throw new Error('minimize: no violation matches --minimize-match');
      const kind = v === undefined ? 'crash' : violationKind(v.text);
      const upTo = v === undefined ? (report.crashes[0]?.op ?? report.ops.length) : v.op;
      process.stdout.write(`minimize: "${kind}" within the first ${upTo + 1} ops\n`);
      const min = await minimize(report.ops.slice(0, upTo + 1), kind, {
        keys: !a['no-keys'], clients: Math.max(1, num(a.clients, 'clients')), skip: a.skip.split(',').filter((x) => x !== ''), log: (l) => process.stdout.write(`${l}\n`),
      });
      const file = a.save ?? `chaos-min-${seed}.json`;
      writeFileSync(file, JSON.stringify({ seed, kind, ops: min }, null, 1));
      process.stdout.write(`minimal reproduction (${min.length} ops, saved to ${file}; replay: node dist/scripts/chaos.js --replay ${file}):\n`);
      for (const op of min) process.stdout.write(`  ${showOp(op)}\n`);
    }
    return report.violations.length === 0 && report.crashes.length === 0 ? 0 : 1;
  } finally {
    await own?.stop();
  }
}

main().then((code) => process.exit(code), (e: unknown) => {
  process.stderr.write(`chaos: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(2);
});

// The packages' bundle running as the window manager: which of Node's built-in modules it
// loads beyond what `node -e 0` loads. Each costs memory for as long as Fion runs (its
// source and compiled code, read from Node's binary); a new one is a choice to make on
// purpose, with its cost measured, not an import that slips in.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundle } from '../../scripts/bundle.js';
import { startXvfb, type Xvfb } from '../harness/xvfb.js';
import { startFion, stopAllFions } from '../harness/fion.js';
import { tempDir } from '../harness/tmp.js';
import { sleep } from '../harness/wait.js';

/** What the running Fion may load, and why. */
const ALLOWED: Readonly<Record<string, string>> = {
  net: 'the X connection and the control sockets',
  stream: 'under net',
  'stream/promises': 'under stream',
  string_decoder: 'under stream',
  diagnostics_channel: 'under net',
  cluster: 'net.Server.listen asks whether this is a cluster worker',
  child_process: 'fc-match, autostart, status commands, exec (required on first use: src/childprocess.ts)',
  dgram: 'under child_process',
  os: 'the home folder (config paths) and the host name (sessions)',
  vm: 'V8\'s code cache for the chunks (src/codecache.ts): the first frame ~30 ms sooner',
  // Not perf_hooks: x11's write buffer read performance.now(), whose first use loads it; the
  // bundle gives it process.hrtime instead (scripts/bundle.ts).
};

let xvfb: Xvfb | null = null;
after(async () => {
  await stopAllFions();
  await xvfb?.stop();
});

/** The public built-in modules a process has loaded, from the list its preload writes at exit. */
const builtins = (stderr: string): string[] => (/\nBUILTINS (.*)\n/.exec(stderr)?.[1] ?? '').split(',').filter((m) => m !== '');

/** One bundle for the file's tests. */
let built: Promise<{ dir: string; entry: string }> | null = null;
const theBundle = (): Promise<{ dir: string; entry: string }> => (built ??= (async () => {
  const dir = tempDir('fion-bundlerun-');
  return { dir, entry: await bundle(join(dir, 'dist')) };
})());

test('the bundle, managing a display, loads no built-in module of Node beyond the ones it needs', async () => {
  const { dir, entry } = await theBundle();
  const pre = join(dir, 'builtins.cjs');
  writeFileSync(pre, 'process.on("exit", () => { require("fs").writeSync(2, "\\nBUILTINS " + process.moduleLoadList'
    + '.filter((m) => m.startsWith("NativeModule ") && !m.startsWith("NativeModule internal/")).map((m) => m.slice(13)).join(",") + "\\n"); });');
  const bare = spawnSync(process.execPath, ['-r', pre, '-e', '0'], { encoding: 'utf8' });
  const base = new Set(builtins(bare.stderr));
  assert.ok(base.has('fs'), `the preload lists modules: ${bare.stderr}`);

  xvfb ??= await startXvfb();
  // The harness's Fion (its private config and state, no autostart), run from the bundle.
  const fion = await startFion(xvfb.display, { bin: entry, env: { NODE_OPTIONS: `--require ${pre}` } });
  await sleep(2500); // a few ticks of the bar's clock
  await fion.stop();
  await fion.exited;
  const err = fion.log();
  const loaded = builtins(err);
  assert.ok(loaded.includes('net'), `the running Fion's modules are listed: ${err.slice(-2000)}`);
  const extra = loaded.filter((m) => !base.has(m));
  const unexpected = extra.filter((m) => ALLOWED[m] === undefined);
  assert.deepEqual(unexpected, [], `loaded beyond node -e 0 and not on the list: ${unexpected.join(', ')} (all: ${extra.join(', ')})`);
});

test('the bundle compiles its chunks once: later starts take them from the code cache, and a damaged one is compiled anew', async () => {
  const { entry } = await theBundle();
  xvfb ??= await startXvfb();
  const cache = tempDir('fion-codecache-');
  const run = async (): Promise<string> => {
    const fion = await startFion(xvfb!.display, { bin: entry, env: { XDG_CACHE_HOME: cache } });
    await fion.stop();
    await fion.exited;
    return fion.log();
  };
  const chunks = readdirSync(join(entry, '..')).filter((f) => /^fion-.*\.cjs$/.test(f));

  const first = await run();
  const saved = /code cache: 0 of (\d+) chunks came from it; (\d+) saved \(\d+ KiB\) in (\S+)/.exec(first);
  assert.ok(saved !== null, `the first start saves its chunks' code:\n${first.slice(-3000)}`);
  assert.equal(saved[1], saved[2]);
  const n = Number(saved[1]);
  const dir = saved[3]!;
  assert.ok(dir.startsWith(join(cache, 'fion', 'v8')), dir);
  const files = readdirSync(dir);
  assert.equal(files.length, n);
  for (const f of files) assert.ok(chunks.includes(f.replace(/\.v8$/, '')), `${f} is the cache of a chunk of the bundle`);

  const second = await run();
  assert.match(second, new RegExp(`code cache: all ${n} chunks came from `), second.slice(-3000));

  // Garbage in one file, a chunk the bundle no longer has, another version's folder.
  const damaged = files[0]!;
  writeFileSync(join(dir, damaged), Buffer.alloc(4096, 0x5a));
  writeFileSync(join(dir, 'fion-chunk-GONE1234.cjs.v8'), 'stale');
  // Another Fion's file, being written: left alone.
  writeFileSync(join(dir, `${damaged}.99999`), 'being written');
  mkdirSync(join(dir, '..', '0.0.1-nodev18.0.0-x64'));
  const third = await run();
  assert.match(third, new RegExp(`code cache of ${damaged.replace(/\.v8$/, '').replace(/\./g, '\\.')}: rejected by V8`), third.slice(-3000));
  assert.match(third, new RegExp(`code cache: ${n - 1} of ${n} chunks came from it; 1 saved`), third.slice(-3000));
  assert.ok(!existsSync(join(dir, 'fion-chunk-GONE1234.cjs.v8')), 'the stale chunk\'s cache is removed');
  assert.ok(existsSync(join(dir, `${damaged}.99999`)), 'a file another Fion is writing is left alone');
  assert.deepEqual(readdirSync(join(dir, '..')), [dir.slice(dir.lastIndexOf('/') + 1)], 'another version\'s folder is removed');

  const fourth = await run();
  assert.match(fourth, new RegExp(`code cache: all ${n} chunks came from `), fourth.slice(-3000));
});

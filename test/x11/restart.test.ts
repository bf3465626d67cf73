// Restart in place: a complex layout on two monitors is the same, window for window,
// after `restart`; no visible window is unmapped on the way. A restart into a build
// that cannot start is refused; a restarted Fion that fails falls back to a plain start
// that adopts every window; a garbage state file is set aside, not trusted.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, pressKeys, type Session, openClient, countMatches } from '../harness/session.js';
import { repoRoot, startFion, type Fion } from '../harness/fion.js';
import { key, xrandr as runXrandr } from '../harness/clients.js';
import { TinyClient } from '../harness/tinyclient.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import { sessionSnapshot } from '../harness/snapshot.js';

let s: Session;
const open: TinyClient[] = [];
const runtime = tempDir('fion-restart-run-');
const config = join(tempDir('fion-restart-cfg-'), 'config.yaml');
// A clock that never changes, so bar texts compare across the restart.
writeFileSync(config, "bar:\n  clock: \"'clock'\"\n");
const env = { XDG_RUNTIME_DIR: runtime };

const xrandr = (...args: string[]): Promise<void> => runXrandr(s.display, ...args);

before(async () => {
  s = await openSession({ xvfb: { screens: [[2560, 800]], extraArgs: ['+extension', 'RANDR'] }, startFion: false });
  await xrandr('--setmonitor', 'LEFT', '1280/338x800/211+0+0', 'screen');
  await xrandr('--setmonitor', 'RIGHT', '1280/338x800/211+1280+0', 'none');
});
after(async () => { for (const c of open) await c.close(); await s.close(); });

const client = (title: string): Promise<TinyClient> => openClient(s, open, title);
const press = (...keys: string[]): Promise<void> => pressKeys(s, ...keys);
const count = countMatches;

/** Restart by key and wait until the new Fion answers the sync barrier. */
async function restart(f: Fion): Promise<void> {
  const ready = count(f.log(), /info: managing /);
  await key(s.display, 'super+shift+r');
  await waitFor('the restarted Fion', () => count(f.log(), /info: managing /) > ready, 30000);
  await s.obs.sync(10000);
}

const snapshot = (): Promise<Record<string, unknown>> => sessionSnapshot(s.obs);

/** Run `body` with a Fion started for it; stop that Fion whatever happens. */
async function withFion(opts: Parameters<typeof startFion>[1], body: () => Promise<void>): Promise<void> {
  s.fion = await startFion(s.display, opts);
  try { await body(); } finally { await s.fion.stop(); }
}

const unmaps = (c: TinyClient): number => c.events.filter((e) => e.kind === 'UnmapNotify').length;
const maps = (c: TinyClient): number => c.events.filter((e) => e.kind === 'MapNotify').length;

test('restart keeps a complex layout on two monitors, window for window, with no visible window unmapped', async () => {
  await withFion({ supervised: true, args: ['--config', config], env }, async () => {
    // LEFT: a | b over (c, d tabs, c shown), resized; f floating above them.
    await client('a');
    await press('super+shift+h');
    await client('b');
    await press('super+shift+Right', 'super+shift+Right', 'super+shift+Right');
    await press('super+shift+v');
    await client('c');
    await client('d');
    await press('super+shift+t');
    await client('f');
    await press('super+shift+f');
    // RIGHT: workspace 2 with tabs h (urgent, hidden) and i; then a new workspace, renamed,
    // with g fullscreen.
    await press('super+w', 'o');
    const h = await client('h');
    await client('i');
    h.x.changeProperty(h.window, h.atoms.WM_HINTS, h.atoms.WM_HINTS, 32, [256 /* UrgencyHint */, 0, 0, 0, 0, 0, 0, 0, 0]);
    await h.x.sync();
    await press('super+shift+a');
    await client('g');
    await press('super+f');
    await press('super+w', 'r', 'm', 'a', 'i', 'l', 'Return');
    // Back to LEFT, focus on a tile.
    await press('super+w', 'o');
    await press('super+shift+n');

    const before = await snapshot();
    const w = before.windows as Record<string, { map: string; netState: number[] }>;
    // The layout is what the test meant to build (else the comparison proves little).
    assert.equal(Object.values(w).filter((x) => x.map === 'viewable').length, 5, JSON.stringify(before, null, 1));
    assert.ok(Object.values(w).filter((x) => x.netState.length > 0).length >= 3, 'float, fullscreen and urgent states are set');
    assert.match(String(before.names), /mail/);
    const visible = open.filter((c) => w[`0x${c.window.toString(16)}`]?.map === 'viewable');
    const unmapsBefore = visible.map(unmaps);
    const hidden = open.filter((c) => !visible.includes(c));
    const mapsBefore = hidden.map(maps);
    assert.equal(hidden.length, 3);

    const t0 = Date.now();
    await restart(s.fion);
    console.log(`restart: key to the new Fion answering a sync barrier: ${Date.now() - t0} ms`);
    for (const l of s.fion.log().split('\n')) if (/info: (restart|restoring|managing)|fion: restarting/.test(l)) console.log(l);
    assert.match(s.fion.log(), /restoring the layout saved \d+ ms ago/);
    const after = await snapshot();
    assert.deepEqual(after, before);
    assert.deepEqual(visible.map(unmaps), unmapsBefore, 'no visible window was unmapped');
    assert.deepEqual(hidden.map(maps), mapsBefore, 'no hidden window was mapped');
    assert.ok(existsSync(join(runtime, 'fion', `${s.display}.state.json`)), 'the new Fion keeps the state file current');

    // And the new Fion is fully in charge: keys work.
    const focus = await s.obs.focus();
    await press('super+shift+n');
    assert.notEqual(await s.obs.focus(), focus);
  });
});

/** A copy of the built tree (bin, dist, config) that a test may break. */
function copyOfBuild(): string {
  const dir = tempDir('fion-build-');
  for (const d of ['bin', 'dist', 'config', 'package.json']) cpSync(join(repoRoot, d), join(dir, d), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

test('a restart into a build that cannot start is refused: Fion stays, windows intact, the error in the bar', async () => {
  const build = copyOfBuild();
  await withFion({ supervised: true, bin: join(build, 'bin', 'fion'), args: ['--config', config], env }, async () => {
    await s.obs.sync();
    const before = await snapshot();
    writeFileSync(join(build, 'dist', 'src', 'layout', 'layout.js'), 'export const broken = ;\n');
    await key(s.display, 'super+shift+r');
    await waitFor('the restart to fail', () => /restart failed/.test(s.fion.log()), 30000);
    await s.obs.sync();
    const bars = (await snapshot()).bars as string[];
    assert.ok(bars.some((t) => /restart failed/.test(t)), `bars: ${bars.join(' / ')}`);
    assert.equal(count(s.fion.log(), /info: managing /), 1, 'no second Fion');
    assert.deepEqual({ ...await snapshot(), bars: null }, { ...before, bars: null });
    assert.equal(s.fion.process.exitCode, null);
  });
});

test('a restarted Fion that fails falls back to a plain start that adopts every window; the state is kept', async () => {
  const build = copyOfBuild();
  await withFion({ supervised: true, bin: join(build, 'bin', 'fion'), args: ['--config', config], env }, async () => {
    await s.obs.sync();
    const before = new Set(await s.obs.clientList());
    // A new version that starts (the check passes) but dies on the saved state.
    const main = join(build, 'dist', 'src', 'app', 'start.js');
    const code = readFileSync(main, 'utf8');
    assert.ok(code.includes('export async function run(opts, taken) {'));
    writeFileSync(main, code.replace('export async function run(opts, taken) {',
      "export async function run(opts, taken) {\n    if (taken.supervisor.restarted && !taken.supervisor.plain) throw new Error('cannot read this state');"));
    const ready = count(s.fion.log(), /info: managing /);
    await key(s.display, 'super+shift+r');
    await waitFor('the plain start', () => count(s.fion.log(), /info: managing /) > ready, 30000);
    await s.obs.sync(10000);
    assert.match(s.fion.log(), /restarted Fion failed/);
    assert.match(s.fion.log(), /plain start: ignoring the saved state/);
    assert.deepEqual(new Set(await s.obs.clientList()), before, 'every window is managed again');
    assert.ok(existsSync(join(runtime, 'fion', `${s.display}.state.json`)), 'the state file is kept');
  });
});

test('a garbage state file is set aside and reported; Fion starts plain; unsupervised, restart is refused', async () => {
  const path = join(runtime, 'fion', `${s.display}.state.json`);
  mkdirSync(join(runtime, 'fion'), { recursive: true });
  writeFileSync(path, '{"format": "fion-state", "version": 1, "display": "nonsense"');
  await withFion({ args: ['--config', config], env }, async () => {
    await s.obs.sync();
    assert.match(s.fion.log(), /state file .* not used: not JSON/);
    assert.equal(existsSync(path), false);
    assert.match(readFileSync(`${path}.rejected`, 'utf8'), /nonsense/);
    const all = await s.obs.clientList();
    for (const c of open) assert.ok(all.includes(c.window), `0x${c.window.toString(16)} is managed`);
    // Run as `node bin/fion`, nobody would run it again: restart is refused, Fion stays.
    await press('super+shift+r');
    assert.match(await s.obs.barText(), /restart failed: .*bin\/fion/);
    assert.equal(s.fion.process.exitCode, null);
  });
});

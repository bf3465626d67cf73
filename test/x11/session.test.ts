// Sessions: xterms in splits and tabs on two workspaces are saved when Fion gets SIGTERM;
// with every xterm gone, the next Fion (session.restore: always) starts each once, and each
// comes back to its tile on its workspace. With `ask`, `n` restores nothing. A recipe whose
// program is missing leaves a placeholder and a message, and Fion runs on. The undo history
// works after a restart.
import { test, after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { runCli, startFion } from '../harness/fion.js';
import { key } from '../harness/clients.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import { TinyClient } from '../harness/tinyclient.js';

const stateHome = tempDir('fion-session-state-');
const runtime = tempDir('fion-session-run-');
const cfgDir = tempDir('fion-session-cfg-');
const always = join(cfgDir, 'always.yaml');
const ask = join(cfgDir, 'ask.yaml');
writeFileSync(always, "session:\n  restore: always\nbar:\n  clock: \"'clock'\"\n");
writeFileSync(ask, "bar:\n  clock: \"'clock'\"\n");
const env = { XDG_STATE_HOME: stateHome, XDG_RUNTIME_DIR: runtime };
const sessionFile = join(stateHome, 'fion', 'session.json');
// Names no other test's xterm has: the processes are counted machine-wide.
const tag = `s${process.pid}`;
const names = ['a', 'b', 'c', 'd'].map((n) => `${tag}${n}`);

let s: Session;
let keeper: TinyClient;
before(async () => {
  s = await openSession({ startFion: false });
  keeper = await TinyClient.open(s.display, { title: 'keeper', map: false }); // keeps the server from resetting
});
after(async () => {
  await s.fion?.stop();
  killXterms();
  await keeper.close();
  await s.close();
});

afterEach(async () => { await s.fion?.stop(); });

async function msg(command: string): Promise<void> {
  const r = await runCli(['msg', '--display', s.display, '--', command], env);
  assert.equal(r.code, 0, `${command}: ${r.stdout}${r.stderr}`);
}

type Tree = { workspaces: { name: string; root: Node; floating: unknown[] }[] };
type Node = { kind: 'tile'; tabs: { instance: string }[]; waiting: Record<string, unknown>[] } | { kind: 'split'; axis: string; children: Node[] };

async function tree(): Promise<Tree> {
  const r = await runCli(['msg', '--display', s.display, '-t', 'tree', '--raw'], env);
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as { tree: Tree }).tree;
}

/** Each workspace's tiles as text: `1: row([a] [b,c]) | 2: [d]`, tabs by instance. */
/** Workspaces, splits and each tile's tabs (in name order: restored tabs come in the order
 *  their windows appear). */
function shape(t: Tree): string {
  const node = (n: Node): string => (n.kind === 'tile' ? `[${n.tabs.map((x) => x.instance).sort().join(',')}]` : `${n.axis}(${n.children.map(node).join(' ')})`);
  return t.workspaces.map((w) => `${w.name}: ${node(w.root)}`).join(' | ');
}
const waiting = (t: Tree): Record<string, unknown>[] => {
  const out: Record<string, unknown>[] = [];
  const walk = (n: Node): void => { if (n.kind === 'tile') out.push(...n.waiting); else n.children.forEach(walk); };
  t.workspaces.forEach((w) => walk(w.root));
  return out;
};

/** The xterm processes of this test, by -name. */
function xterms(): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    let argv: string[];
    try { argv = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0'); } catch { continue; }
    if (!(argv[0] ?? '').endsWith('xterm')) continue;
    const name = argv[argv.indexOf('-name') + 1];
    if (name !== undefined && names.includes(name)) out.set(name, [...(out.get(name) ?? []), Number(p)]);
  }
  return out;
}
function killXterms(): void {
  for (const pids of xterms().values()) for (const p of pids) { try { process.kill(p, 'SIGKILL'); } catch { /* gone */ } }
}

const managedNames = async (): Promise<string[]> => {
  const out: string[] = [];
  for (const w of await s.obs.clientList()) out.push((await s.obs.wmClass(w)).instance);
  return out.sort();
};

test('SIGTERM saves the session; the next Fion starts every xterm once, each back in its tile on its workspace', async () => {
  const [a, b, c, d] = names as [string, string, string, string];
  s.fion = await startFion(s.display, { env, args: ['--config', ask] });
  // Workspace 1: a | (b, c as tabs); workspace 2: d over e-less empty tile below.
  await msg(`exec xterm -name ${a}`);
  await waitFor('xterm a', async () => (await managedNames()).includes(a), 20000);
  await msg('tile split vertical');
  await msg(`exec xterm -name ${b}`);
  await waitFor('xterm b', async () => (await managedNames()).includes(b), 20000);
  await msg(`exec xterm -name ${c}`);
  await waitFor('xterm c', async () => (await managedNames()).includes(c), 20000);
  await msg('workspace create two');
  await msg(`exec xterm -name ${d}`);
  await waitFor('xterm d', async () => (await managedNames()).includes(d), 20000);
  await msg('tile split horizontal');
  await s.obs.sync();
  const before = shape(await tree());
  assert.match(before, new RegExp(`^1: row\\(\\[${a}\\] \\[${b},${c}\\]\\) \\| two: column\\(\\[${d}\\] \\[\\]\\)$`));

  s.fion.process.kill('SIGTERM');
  await s.fion.exited;
  assert.ok(existsSync(sessionFile), 'the session file is written on SIGTERM');
  const saved = JSON.parse(readFileSync(sessionFile, 'utf8')) as { workspaces: unknown[] };
  assert.match(JSON.stringify(saved), new RegExp(`"argv":\\["xterm","-name","${d}"\\]`));

  killXterms();
  await waitFor('every xterm gone', () => xterms().size === 0, 20000);
  await waitFor('no client window left', async () => (await managedNames()).every((n) => !names.includes(n)), 20000);

  s.fion = await startFion(s.display, { env, args: ['--config', always] });
  await waitFor('the four xterms back', async () => (await managedNames()).filter((n) => names.includes(n)).length === 4, 30000);
  await s.obs.sync();
  await waitFor('each in its tile', async () => { const now = shape(await tree()); if (now !== before) throw new Error(`${now} (before: ${before})`); return true; }, 10000);
  assert.deepEqual(waiting(await tree()), [], 'every placeholder filled');
  const procs = xterms();
  for (const n of names) assert.equal(procs.get(n)?.length, 1, `xterm ${n} started once`);
  assert.deepEqual((await managedNames()).filter((n) => names.includes(n)), [...names].sort(), 'one window each');
  await s.fion.stop();
});

test('with session.restore: ask, the bar asks; n restores nothing', async () => {
  killXterms();
  await waitFor('every xterm gone', () => xterms().size === 0, 20000);
  assert.ok(existsSync(sessionFile));
  s.fion = await startFion(s.display, { env, args: ['--config', ask] });
  await waitFor('the question in the bar', async () => /restore the last session\? \[y\/n\]/.test(await s.obs.barText()), 10000);
  await key(s.display, 'n');
  await waitFor('the question gone', async () => !/restore the last session/.test(await s.obs.barText()), 10000);
  await s.obs.sync();
  const t = await tree();
  assert.equal(shape(t), '1: []', 'no workspace or tile restored');
  assert.deepEqual(waiting(t), []);
  assert.equal(xterms().size, 0, 'nothing started');
  await s.fion.stop();
});

test('with ask, a key binding pressed instead of an answer acts, and the question goes unanswered', async () => {
  mkdirSync(join(stateHome, 'fion'), { recursive: true });
  writeFileSync(sessionFile, JSON.stringify({
    fion_session: 1, savedAt: Date.now(), workspaces: [{ name: '1', root: { kind: 'tile', tabs: [{ class: 'Nowhere', instance: 'gone' }] } }],
  }));
  s.fion = await startFion(s.display, { env, args: ['--config', ask] });
  await waitFor('the question in the bar', async () => /restore the last session\? \[y\/n\]/.test(await s.obs.barText()), 10000);
  await key(s.display, 'super+shift+a'); // workspace create, in the shipped bindings
  await waitFor('the question gone', async () => !/restore the last session/.test(await s.obs.barText()), 10000);
  await s.obs.sync();
  const t = await tree();
  assert.deepEqual(waiting(t), [], 'nothing restored');
  assert.equal(shape(t), '1: [] | 2: []', 'the binding acted: a second workspace');
  await s.fion.stop();
});

test('a recipe whose program is missing leaves its placeholder and a message; Fion runs on', async () => {
  mkdirSync(join(stateHome, 'fion'), { recursive: true });
  writeFileSync(sessionFile, JSON.stringify({
    fion_session: 1, savedAt: Date.now(), workspaces: [{
      name: '1', root: { kind: 'split', axis: 'row', ratios: [1, 1], children: [
        { kind: 'tile', tabs: [{ class: 'Nowhere', instance: 'gone', recipe: { argv: ['/nonexistent/fion-test-program', '-x'], cwd: '/nonexistent-dir' } }] },
        { kind: 'tile', tabs: [] },
      ] },
    }],
  }));
  s.fion = await startFion(s.display, { env, args: ['--config', always] });
  await waitFor('the message', () => /session: \/nonexistent\/fion-test-program -x: cannot start/.test(s.fion.log()), 10000);
  await s.obs.sync();
  const t = await tree();
  assert.equal(shape(t), '1: row([] [])');
  assert.deepEqual(waiting(t), [{ class: 'Nowhere', instance: 'gone' }], 'the placeholder waits by description only');
  await msg('tile split horizontal'); // still answering
  await s.fion.stop();
});

test('undo works after a restart: the history travels with the layout', async () => {
  s.fion = await startFion(s.display, { env: { ...env, XDG_STATE_HOME: tempDir('fion-session-state2-') }, args: ['--config', ask], supervised: true });
  await msg('tile split vertical');
  await msg('tile split horizontal');
  await s.obs.sync();
  assert.equal(shape(await tree()), '1: row([] column([] []))');
  const ready = (s.fion.log().match(/info: managing /g) ?? []).length;
  await msg('restart');
  await waitFor('the restarted Fion', () => (s.fion.log().match(/info: managing /g) ?? []).length > ready, 30000);
  await s.obs.sync(10000);
  await msg('undo');
  await s.obs.sync();
  assert.equal(shape(await tree()), '1: row([] [])', 'undo takes back the split made before the restart');
  await msg('undo');
  await s.obs.sync();
  assert.equal(shape(await tree()), '1: []');
  await msg('redo');
  await s.obs.sync();
  assert.equal(shape(await tree()), '1: row([] [])');
  await s.fion.stop();
});

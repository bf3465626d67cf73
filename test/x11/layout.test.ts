// layout save / layout load on a real display: save a workspace's tiles to a file, load
// them on another workspace, and windows started afterwards land in the tiles that wait
// for them.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { TinyClient } from '../harness/tinyclient.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import { RawPeer, type Line } from '../harness/ipc.js';

let s: Session;
let p: RawPeer;
let dir: string;
const open: TinyClient[] = [];

before(async () => {
  dir = tempDir('fion-layout-');
  s = await openSession({ fion: { env: { XDG_RUNTIME_DIR: dir } } });
  await waitFor('the control socket', () => /ipc: listening on /.test(s.fion.log()), 15000);
  p = await RawPeer.open(join(dir, 'fion', `${s.display.slice(1)}.sock`));
});
after(async () => {
  p.close();
  for (const c of open) await c.close();
  await s.close();
});

async function client(klass: string): Promise<TinyClient> {
  const c = await TinyClient.open(s.display, { title: klass, class: klass });
  open.push(c);
  await s.obs.sync();
  return c;
}
async function run(command: string): Promise<Line> {
  const r = await p.ask({ type: 'command', command });
  await s.obs.sync();
  return r;
}

test('save writes the tiles and their windows\' classes; load rebuilds them and windows find their tiles', async () => {
  await client('Editor');
  await run('tile split vertical');
  await client('Browser');
  await run('tile split horizontal');
  await client('Term');
  await run('tile resize up');
  const file = join(dir, 'work.json');
  const saved = await run(`layout save ${file}`);
  assert.equal(saved.success, true, JSON.stringify(saved));
  const json = JSON.parse(readFileSync(file, 'utf8')) as Line;
  assert.equal(json.fion_layout, 1);
  assert.match(JSON.stringify(json), /"class":"Editor".*"class":"Browser".*"class":"Term"/s);
  const before = await s.obs.visibleClients();
  const geometryOf = (g: { window: number }[], w: number): unknown => (g as { window: number; geometry: unknown }[]).find((v) => v.window === w)?.geometry;

  // On a new workspace: the same tiles, empty until their windows come.
  await run('workspace create');
  const loaded = await run(`layout load ${file}`);
  assert.equal(loaded.success, true, JSON.stringify(loaded));
  const tree = (await p.ask({ type: 'tree' })).tree as Line;
  const ws = (tree.workspaces as Line[]).find((w) => w.focused)!;
  assert.equal((ws.root as Line).kind, 'split');
  // Started in the "wrong" order, each goes to its own tile, where the saved one was.
  const term = await client('Term');
  const editor = await client('Editor');
  const browser = await client('Browser');
  const after = await s.obs.visibleClients();
  const [e0, b0, t0] = open.slice(0, 3).map((c) => geometryOf(before, c.window));
  assert.deepEqual(geometryOf(after, editor.window), e0);
  assert.deepEqual(geometryOf(after, browser.window), b0);
  assert.deepEqual(geometryOf(after, term.window), t0);
  // A fourth window nothing waits for goes to the focused tile, as always.
  const extra = await client('Editor');
  const final = await s.obs.visibleClients();
  assert.deepEqual(geometryOf(final, extra.window), e0, 'the focused tile is the first (editor) tile');
});

test('a missing or broken layout file is an error in the reply and the bar; Fion carries on', async () => {
  const missing = await run(`layout load ${join(dir, 'nope.json')}`);
  assert.equal(missing.success, false);
  assert.match(String((missing.results as Line[])[0]!.error), /layout load: .*ENOENT/);
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{"fion_layout": 1, "root": {"kind": "split", "axis": "sideways", "children": []}}');
  const bad = await run(`layout load ${broken}`);
  assert.match(String((bad.results as Line[])[0]!.error), /axis/);
  assert.match(await s.obs.barText(), /axis/, 'the bar says what is wrong');
  const unwritable = await run('layout save /nonexistent-folder/x.json');
  assert.equal(unwritable.success, false);
  assert.equal((await p.ask({ type: 'version' })).success, true);
});

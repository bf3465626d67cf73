// Criteria and marks with real tools: i3-msg from Debian's i3-wm over the i3 socket,
// `fion msg` over Fion's own, and a key binding, each with `[criteria]` before a command;
// rules that run commands; workspace back_and_forth.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, pressKeys, type Session } from '../harness/session.js';
import { runTool, startClient } from '../harness/clients.js';
import { runCli } from '../harness/fion.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import type { WindowId } from '../../src/x/types.js';

let s: Session;
const dir = tempDir('fion-crit-');

async function i3msg(...args: string[]): Promise<unknown> {
  const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: s.display };
  delete env.I3SOCK;
  const r = await runTool(s.display, 'i3-msg', args, env);
  assert.equal(r.code, 0, `i3-msg ${args.join(' ')}: ${r.stderr}${r.stdout}`);
  return JSON.parse(r.stdout);
}

async function fionMsg(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCli(['msg', '--display', s.display, command], { XDG_RUNTIME_DIR: join(dir, 'run') });
}

async function xterm(klass: string, title = klass): Promise<WindowId> {
  startClient(s.display, 'xterm', ['-class', klass, '-T', title]);
  const w = await s.obs.waitForClass(klass);
  // Its class is set before its map: an xterm slow to map (a loaded machine) would be managed
  // after the next one, and take the focus from it.
  await waitFor(`${klass} managed`, async () => (await s.obs.clientList()).includes(w), 10000);
  await s.obs.sync();
  return w;
}

interface Node { window: number | null; marks: string[]; nodes: Node[]; floating_nodes: Node[] }
const all = (n: Node): Node[] => [n, ...n.nodes.flatMap(all), ...n.floating_nodes.flatMap(all)];

before(async () => {
  const config = join(dir, 'config.yaml');
  writeFileSync(config, [
    'bindings:',
    '  super+m: \'[class="^CritKey$"] mark fromkey\'',
    'rules:',
    '  - class: CritRule',
    '    run: tab float; mark ruled',
    'workspaces:',
    '  auto_back_and_forth: true',
    '',
  ].join('\n'));
  s = await openSession({ fion: { args: ['--config', config], env: { XDG_RUNTIME_DIR: join(dir, 'run') } } });
  await waitFor('the i3 socket', () => s.fion.log().includes('i3 ipc: listening on '), 15000);
});
after(async () => { await s.close(); });

test("i3-msg '[class=...] mark foo', get_marks, the tree's marks, the tab bar, [con_mark=foo] focus", async () => {
  const a = await xterm('CritA');
  const b = await xterm('CritB');
  assert.equal(await s.obs.focus(), b);
  assert.deepEqual(await i3msg('[class="^CritA$"] mark foo'), [{ success: true }]);
  assert.deepEqual(await i3msg('-t', 'get_marks'), ['foo']);
  assert.equal(await s.obs.focus(), b, 'marking by criteria leaves the focus where it was');
  const tree = await i3msg('-t', 'get_tree') as Node;
  assert.deepEqual(all(tree).find((n) => n.window === a)?.marks, ['foo']);
  const bars = await s.obs.tabBars();
  assert.ok(bars.some((t) => t.text.includes('[foo] CritA')), `a tab shows the mark: ${bars.map((t) => t.text).join(' | ')}`);
  assert.deepEqual(await i3msg('[con_mark="^foo$"] focus'), [{ success: true }]);
  assert.equal(await s.obs.focus(), a);
  // A mark names one window: marking B moves it.
  assert.deepEqual(await i3msg('[class="^CritB$"] mark foo'), [{ success: true }]);
  const again = await i3msg('-t', 'get_tree') as Node;
  assert.deepEqual(all(again).find((n) => n.window === a)?.marks, []);
  assert.deepEqual(all(again).find((n) => n.window === b)?.marks, ['foo']);
  assert.deepEqual(await i3msg('unmark'), [{ success: true }]);
  assert.deepEqual(await i3msg('-t', 'get_marks'), []);
});

test('[criteria] with any command: i3-msg floating enable for the match only; fion msg [title=...] close', async () => {
  const c = await xterm('CritC', 'close me');
  const d = await xterm('CritD');
  assert.deepEqual(await i3msg('[class="^CritC$"] floating enable'), [{ success: true }]);
  const tree = await i3msg('-t', 'get_tree') as Node & { floating_nodes: Node[] };
  const floats = all(tree).filter((n) => n.floating_nodes.length > 0).flatMap((n) => n.floating_nodes.flatMap(all)).map((n) => n.window);
  assert.ok(floats.includes(c), 'the match floats');
  assert.ok(!floats.includes(d));
  assert.equal(await s.obs.focus(), d);
  const r = await fionMsg('[title="^close me$"] close');
  assert.equal(r.code, 0, r.stderr + r.stdout);
  await waitFor('the xterm titled "close me" to go', async () => (await s.obs.mapState(c)) === 'gone', 10000);
  assert.equal(await s.obs.mapState(d), 'viewable');
  const none = await fionMsg('[title="^nobody$"] close');
  assert.notEqual(none.code, 0);
  assert.match(none.stdout + none.stderr, /no window matches \[title="\^nobody\$"\]/);
});

test('a key binding with criteria marks the matching window; move window to mark joins its tile', async () => {
  const k = await xterm('CritKey');
  const other = await xterm('CritOther');
  await i3msg('split h');
  const e = await xterm('CritE');
  assert.notEqual((await s.obs.geometry(e))!.x, (await s.obs.geometry(k))!.x, 'CritE has a tile of its own');
  await pressKeys(s, 'super+m');
  await waitFor('the mark from the key', async () => JSON.stringify(await i3msg('-t', 'get_marks')) === '["fromkey"]', 5000)
    .catch((e: unknown) => { throw new Error(`${String(e)}\n${s.fion.log().split('\n').filter((l) => /config|bind|super|mark/.test(l)).join('\n')}`); });
  assert.equal(await s.obs.focus(), e);
  const r = await fionMsg('move window to mark fromkey');
  assert.equal(r.code, 0, r.stderr + r.stdout);
  await s.obs.sync();
  assert.equal((await s.obs.geometry(e))!.x, (await s.obs.geometry(other))!.x, 'CritE is a tab of the marked xterm\'s tile now');
  assert.equal(await s.obs.focus(), e);
});

test('a rule with run: floats and marks a new xterm once, the xterm as target', async () => {
  const before = await s.obs.focus();
  const w = await xterm('CritRule');
  await s.obs.sync();
  const tree = await i3msg('-t', 'get_tree') as Node;
  const floats = all(tree).flatMap((n) => n.floating_nodes.flatMap(all)).map((n) => n.window);
  assert.ok(floats.includes(w), 'the rule floated it');
  assert.deepEqual(all(tree).find((n) => n.window === w)?.marks, ['ruled']);
  assert.notEqual(before, w);
});

test("i3-msg 'workspace back_and_forth', and auto_back_and_forth: the shown workspace's key goes back", async () => {
  // After the barrier: an i3-msg reply comes before the render that publishes the desktop.
  const desktop = async (): Promise<number> => { await s.obs.sync(); return (await s.obs.cardinals(s.obs.root(), '_NET_CURRENT_DESKTOP'))[0]!; };
  await pressKeys(s, 'super+1');
  assert.equal(await desktop(), 0);
  assert.deepEqual(await i3msg('workspace 3'), [{ success: true }]);
  const three = await desktop();
  assert.notEqual(three, 0);
  assert.deepEqual(await i3msg('workspace back_and_forth'), [{ success: true }]);
  assert.equal(await desktop(), 0);
  assert.deepEqual(await i3msg('workspace back_and_forth'), [{ success: true }]);
  assert.equal(await desktop(), three);
  await pressKeys(s, 'super+1');
  assert.equal(await desktop(), 0);
  await pressKeys(s, 'super+1');
  assert.equal(await desktop(), three, 'super+1 on workspace 1 went back');
});

// `placement: split` and `master` with real xterms closing: the tile a closed window leaves
// goes, and the tiles that stay share the whole workspace, as in i3; under master the top of
// the stack moves up into the master area. No empty tile is drawn. Read with i3-msg's tree
// (the tiles' rects), the tab bars and the screen's pixels.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, pressKeys, type Session } from '../harness/session.js';
import { runTool, startClient } from '../harness/clients.js';
import { colours } from '../harness/pixels.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import type { Geometry } from '../harness/observer.js';

/** What an empty tile would show: a colour nothing else on the screen has. */
const EMPTY = '#FF00FF';
const dir = tempDir('fion-placeclose-');
const config = join(dir, 'config.yaml');
const placement = (how: string): void => writeFileSync(config, [`placement: ${how}`, 'colors:', `  empty_tile_background: "${EMPTY}"`, ''].join('\n'));
placement('split');

let s: Session;
before(async () => {
  s = await openSession({ fion: { args: ['--config', config], env: { XDG_RUNTIME_DIR: join(dir, 'run') } } });
  await waitFor('the i3 socket', () => s.fion.log().includes('i3 ipc: listening on '), 15000);
});
after(async () => { await s.close(); });

type W = Parameters<Session['obs']['geometry']>[0];
/** Close a window as its close button does (_NET_CLOSE_WINDOW, then WM_DELETE_WINDOW), and
 *  wait until Fion no longer manages it. */
async function close(w: W): Promise<void> {
  const r = await runTool(s.display, 'wmctrl', ['-i', '-c', `0x${w.toString(16)}`]);
  assert.equal(r.code, 0, r.stderr);
  await waitFor(`0x${w.toString(16)} gone from the client list`, async () => !(await s.obs.clientList()).includes(w));
  await s.obs.sync();
}

/** The focused workspace's tiles once there are `n`. */
async function tilesWhen(n: number): Promise<{ ws: I3Node; tiles: I3Node[] }> {
  return waitFor(`${n} tiles`, async () => {
    const t = await shownWorkspace();
    return t.tiles.length === n ? t : undefined;
  });
}

/** An xterm of its own class, once Fion shows it and has focused it. */
async function xterm(klass: string): Promise<W> {
  startClient(s.display, 'xterm', ['-class', klass, '-T', klass]);
  const w = await s.obs.waitForClass(klass) as W;
  await waitFor(`${klass} shown and focused`, async () => (await s.obs.mapState(w)) === 'viewable' && (await s.obs.focus()) === w);
  await s.obs.sync();
  return w;
}

interface I3Node { type: string; name: string | null; layout: string; window: number | null; rect: Geometry; nodes: I3Node[]; floating_nodes: I3Node[] }
const nodesOf = (n: I3Node): I3Node[] => [n, ...n.nodes.flatMap(nodesOf), ...n.floating_nodes.flatMap(nodesOf)];

async function i3msg(...args: string[]): Promise<unknown> {
  const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: s.display };
  delete env.I3SOCK; // i3-msg finds the socket on the root window
  const r = await runTool(s.display, 'i3-msg', args, env);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** The focused workspace as i3-msg's tree shows it, and its tiles (tabbed cons, left to right, top to bottom). */
async function shownWorkspace(): Promise<{ ws: I3Node; tiles: I3Node[] }> {
  const focused = (await i3msg('-t', 'get_workspaces') as { name: string; focused: boolean }[]).find((w) => w.focused);
  assert.ok(focused !== undefined, 'a workspace is focused');
  const ws = nodesOf(await i3msg('-t', 'get_tree') as I3Node).find((n) => n.type === 'workspace' && n.name === focused.name);
  assert.ok(ws !== undefined, `workspace ${focused.name} is in the tree`);
  const tiles = nodesOf(ws).filter((n) => n.type === 'con' && n.layout === 'tabbed').sort((a, b) => a.rect.y - b.rect.y || a.rect.x - b.rect.x);
  return { ws, tiles };
}

test('split: closing the middle of three xterms leaves two tiles that fill the workspace, and no empty tile', async () => {
  const a = await xterm('CloseA');
  const b = await xterm('CloseB');
  const c = await xterm('CloseC');
  const three = await shownWorkspace();
  assert.equal(three.tiles.length, 3, 'A on the left, B above C on the right');

  await close(b);
  const { ws, tiles } = await tilesWhen(2);
  const [left, right] = tiles as [I3Node, I3Node];
  const area = ws.rect;
  // Side by side, each the whole height, together the whole width: C took B's half.
  assert.deepEqual([left.rect.x, left.rect.y, left.rect.height], [area.x, area.y, area.height], `left tile ${JSON.stringify(left.rect)} in ${JSON.stringify(area)}`);
  assert.deepEqual([right.rect.y, right.rect.height], [area.y, area.height], `right tile ${JSON.stringify(right.rect)} in ${JSON.stringify(area)}`);
  assert.equal(left.rect.x + left.rect.width, right.rect.x, 'they meet');
  assert.equal(right.rect.x + right.rect.width, area.x + area.width, 'the right one reaches the edge');
  assert.deepEqual(left.nodes.map((n) => n.window), [a]);
  assert.deepEqual(right.nodes.map((n) => n.window), [c]);

  // What the user sees: two tab bars, each naming its xterm, C filling the right half, and
  // nowhere the colour of an empty tile.
  const bars = await s.obs.tabBars();
  assert.deepEqual(bars.map((t) => t.text.includes('CloseA') ? 'A' : t.text.includes('CloseC') ? 'C' : t.text), ['A', 'C']);
  const gc = (await s.obs.geometry(c))!;
  assert.ok(gc.height > area.height * 0.8, `C fills the right half's height: ${JSON.stringify(gc)}`);
  assert.ok(!(await colours(s.display, area)).includes(EMPTY), 'no empty tile on screen');
  for (const w of [a, c]) assert.equal(await s.obs.mapState(w), 'viewable');
  assert.equal(await s.obs.focus(), c, 'the focus stays on C');
});

test('master: when the master xterm closes, the top of the stack becomes the master', async () => {
  placement('master');
  await pressKeys(s, 'super+shift+c'); // reload
  await pressKeys(s, 'super+shift+a'); // a new, empty workspace
  const m = await xterm('MasterM');
  const s1 = await xterm('MasterS1');
  const s2 = await xterm('MasterS2');
  const three = await tilesWhen(3);
  const masterWidth = three.tiles.find((t) => t.nodes.some((n) => n.window === m))!.rect.width;
  const activated = await runTool(s.display, 'wmctrl', ['-i', '-a', `0x${m.toString(16)}`]);
  assert.equal(activated.code, 0, activated.stderr);
  await waitFor('the master focused', async () => (await s.obs.focus()) === m);
  await close(m);
  const { ws, tiles } = await tilesWhen(2);
  const [left, right] = [...tiles].sort((a, b) => a.rect.x - b.rect.x) as [I3Node, I3Node];
  assert.deepEqual(left.nodes.map((n) => n.window), [s1], 'the top of the stack is the master now');
  assert.deepEqual(right.nodes.map((n) => n.window), [s2], 'the rest of the stack beside it');
  assert.deepEqual([left.rect.x, left.rect.y, left.rect.height, left.rect.width], [ws.rect.x, ws.rect.y, ws.rect.height, masterWidth], 'in the master area, full height');
  assert.deepEqual([right.rect.y, right.rect.height, right.rect.x + right.rect.width], [ws.rect.y, ws.rect.height, ws.rect.x + ws.rect.width], 'the stack fills the rest');
  assert.ok(!(await colours(s.display, ws.rect)).includes(EMPTY), 'no empty tile on screen');
  assert.equal(await s.obs.focus(), s2, 'the focus goes to the window focused before the master, in the tiles that took its space');
});

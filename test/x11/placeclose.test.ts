// `placement: split` with real xterms closing: the tile a closed window leaves goes, and
// the tiles that stay share the whole workspace, as in i3; no empty tile is drawn. Read
// with i3-msg's tree (the tiles' rects), the tab bars and the screen's pixels.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { runTool, startClient } from '../harness/clients.js';
import { colours } from '../harness/pixels.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import type { Geometry } from '../harness/observer.js';

/** What an empty tile would show: a colour nothing else on the screen has. */
const EMPTY = '#FF00FF';
const dir = tempDir('fion-placeclose-');
const config = join(dir, 'config.yaml');
writeFileSync(config, ['placement: split', 'colors:', `  empty_tile_background: "${EMPTY}"`, ''].join('\n'));

let s: Session;
before(async () => {
  s = await openSession({ fion: { args: ['--config', config], env: { XDG_RUNTIME_DIR: join(dir, 'run') } } });
  await waitFor('the i3 socket', () => s.fion.log().includes('i3 ipc: listening on '), 15000);
});
after(async () => { await s.close(); });

type W = Parameters<Session['obs']['geometry']>[0];
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

/** The focused workspace as i3-msg's tree shows it, and its tiles (tabbed cons, left to right, top to bottom). */
async function shownWorkspace(): Promise<{ ws: I3Node; tiles: I3Node[] }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: s.display };
  delete env.I3SOCK; // i3-msg finds the socket on the root window
  const r = await runTool(s.display, 'i3-msg', ['-t', 'get_tree'], env);
  assert.equal(r.code, 0, r.stderr);
  const ws = nodesOf(JSON.parse(r.stdout) as I3Node).find((n) => n.type === 'workspace' && n.name === '1');
  assert.ok(ws !== undefined, 'workspace 1 is in the tree');
  const tiles = nodesOf(ws).filter((n) => n.type === 'con' && n.layout === 'tabbed').sort((a, b) => a.rect.y - b.rect.y || a.rect.x - b.rect.x);
  return { ws, tiles };
}

test('split: closing the middle of three xterms leaves two tiles that fill the workspace, and no empty tile', async () => {
  const a = await xterm('CloseA');
  const b = await xterm('CloseB');
  const c = await xterm('CloseC');
  const three = await shownWorkspace();
  assert.equal(three.tiles.length, 3, 'A on the left, B above C on the right');

  // The user closes B (its close button: _NET_CLOSE_WINDOW, then WM_DELETE_WINDOW).
  const closed = await runTool(s.display, 'wmctrl', ['-i', '-c', `0x${b.toString(16)}`]);
  assert.equal(closed.code, 0, closed.stderr);
  await waitFor('B gone from the client list', async () => !(await s.obs.clientList()).includes(b));
  await s.obs.sync();

  const { ws, tiles } = await waitFor('two tiles left', async () => {
    const t = await shownWorkspace();
    return t.tiles.length === 2 ? t : undefined;
  });
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

// Gaps, borders and hidden tab bars as a user sees them, read off the screen: the root
// window's background (xsetroot) between two tiles, exactly `inner` pixels wide; the focused
// tile's border in its colour and the other's in the unfocused one; smart gaps around a
// single tile; no tab bar on a tile holding one window; the wallpaper in an empty tile
// (colors.empty_tile_background: none); i3-msg's tree reporting the rects the screen shows.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, pressKeys, openClient, type Session } from '../harness/session.js';
import { runTool } from '../harness/clients.js';
import { TinyClient } from '../harness/tinyclient.js';
import { tempDir } from '../harness/tmp.js';
import { colours } from '../harness/pixels.js';
import type { Geometry } from '../harness/observer.js';
import { waitFor } from '../harness/wait.js';

const ROOT = '#123456';
const FOCUSED = '#FF0000';
const UNFOCUSED = '#00FF00';
const CLIENT = '#808080'; // TinyClient's background
const INNER = 10;
const OUTER = 6;
const BORDER = 3;

const config = join(tempDir('fion-spacing-'), 'config.yaml');
writeFileSync(config, [
  'gaps: {inner: 10, outer: 6, smart: true}',
  'borders: {width: 3, smart: false}',
  'tabs: {hide_single: true}',
  'colors:',
  `  border_focused: "${FOCUSED}"`,
  `  border_unfocused: "${UNFOCUSED}"`,
  '  empty_tile_background: none',
  '',
].join('\n'));

const runtime = tempDir('fion-spacing-run-');
let s: Session;
const open: TinyClient[] = [];
before(async () => {
  s = await openSession({ fion: { args: ['--config', config], env: { XDG_RUNTIME_DIR: runtime } } });
  await waitFor('the i3 socket', () => s.fion.log().includes('i3 ipc: listening on '), 15000);
});
after(async () => { for (const c of open) await c.close(); await s.close(); });

const geometry = async (c: TinyClient): Promise<Geometry> => {
  await s.obs.sync();
  const g = await s.obs.geometry(c.window);
  assert.ok(g !== null, 'the client has a geometry');
  return g;
};
const rect = (x: number, y: number, width: number, height: number): Geometry => ({ x, y, width, height });

test('a single tile: no gaps (smart), a border in the focused colour, no tab bar', async () => {
  await runTool(s.display, 'xsetroot', ['-solid', ROOT]);
  const bar = await s.obs.geometry(await s.obs.bar());
  assert.ok(bar !== null);
  const top = bar.y + bar.height;
  const a = await openClient(s, open, 'alpha');
  const g = await geometry(a);
  // No gap: the border starts at the screen's edge and under the bar; no tab bar above the window.
  assert.deepEqual([g.x, g.y], [BORDER, top + BORDER], 'the window just inside the border');
  assert.equal((await s.obs.tabBars()).length, 0, 'no tab bar for a single window');
  assert.deepEqual(await colours(s.display, rect(0, top, BORDER, g.height)), [FOCUSED], 'the left border');
  assert.deepEqual(await colours(s.display, rect(g.x, g.y + g.height, g.width, BORDER)), [FOCUSED], 'the bottom border');
  assert.deepEqual(await colours(s.display, rect(g.x, g.y, g.width, g.height)), [CLIENT], 'the window inside');
});

test('two tiles: the wallpaper in a gap of exactly `inner` pixels, borders focused and not', async () => {
  await pressKeys(s, 'super+shift+v');
  const b = await openClient(s, open, 'bravo');
  const a = open[0]!;
  const ga = await geometry(a);
  const gb = await geometry(b);
  const bar = (await s.obs.geometry(await s.obs.bar()))!;
  const top = bar.y + bar.height;
  assert.deepEqual([ga.x, ga.y], [OUTER + BORDER, top + OUTER + BORDER], 'the outer gap and the border before the left window');
  assert.equal(gb.y, ga.y, 'side by side');
  // Between the windows: A's border, the gap, B's border.
  const aRight = ga.x + ga.width;
  assert.equal(gb.x - aRight, BORDER + INNER + BORDER, 'the gap between the tiles');
  const mid = ga.y + 20;
  assert.deepEqual(await colours(s.display, rect(aRight, mid, BORDER, 50)), [UNFOCUSED], "the unfocused tile's border");
  assert.deepEqual(await colours(s.display, rect(aRight + BORDER, mid, INNER, 50)), [ROOT], 'the gap shows the root window');
  assert.deepEqual(await colours(s.display, rect(gb.x - BORDER, mid, BORDER, 50)), [FOCUSED], "the focused tile's border");
  assert.deepEqual(await colours(s.display, rect(0, mid, OUTER, 50)), [ROOT], 'the outer gap shows the root window');
  // The focus moves left: the colours trade places.
  await pressKeys(s, 'super+shift+p');
  assert.deepEqual(await colours(s.display, rect(aRight, mid, BORDER, 50)), [FOCUSED]);
  assert.deepEqual(await colours(s.display, rect(gb.x - BORDER, mid, BORDER, 50)), [UNFOCUSED]);
  assert.equal((await s.obs.tabBars()).length, 0, 'one window per tile: no tab bars');
});

test('a second window in a tile brings its tab bar back', async () => {
  const c = await openClient(s, open, 'charlie');
  const bars = await s.obs.tabBars();
  assert.equal(bars.length, 1, 'one tab bar, on the tile holding two windows');
  assert.match(bars[0]!.text, /alpha.*charlie/);
  const g = await geometry(c);
  assert.equal(g.y, bars[0]!.geometry.y + bars[0]!.geometry.height, 'the window below its tab bar');
  await c.close();
  open.splice(open.indexOf(c), 1);
  await s.obs.sync();
  assert.equal((await s.obs.tabBars()).length, 0, 'gone again with the window');
});

test('an empty tile shows the root window\'s background below its tab bar', async () => {
  await pressKeys(s, 'super+shift+v');
  const empty = (await s.obs.tabBars()).find((b) => b.text === '');
  assert.ok(empty !== undefined, 'the empty tile has its tab bar');
  const g = empty.geometry;
  assert.deepEqual(await colours(s.display, rect(g.x, g.y + g.height, g.width, 60)), [ROOT], 'the wallpaper, not a painted surface');
  assert.deepEqual(await colours(s.display, rect(g.x - BORDER, g.y + g.height, BORDER, 60)), [FOCUSED], 'the empty tile has the focus and its border');
});

interface I3Node { type: string; layout: string; window: number | null; rect: Geometry; window_rect: Geometry; nodes: I3Node[]; floating_nodes: I3Node[] }
const nodesOf = (n: I3Node): I3Node[] => [n, ...n.nodes.flatMap(nodesOf), ...n.floating_nodes.flatMap(nodesOf)];

test("i3-msg -t get_tree: windows' and tiles' rects are where they are on screen, inside the gaps", async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: s.display };
  delete env.I3SOCK; // i3-msg finds the socket on the root window
  const r = await runTool(s.display, 'i3-msg', ['-t', 'get_tree'], env);
  assert.equal(r.code, 0, r.stderr);
  const all = nodesOf(JSON.parse(r.stdout) as I3Node);
  for (const c of open) {
    const g = await geometry(c);
    const node = all.find((n) => n.window === c.window);
    assert.ok(node !== undefined, 'the window is in the tree');
    assert.deepEqual(node.rect, g, 'the window con\'s rect is the window on screen');
    assert.deepEqual(node.window_rect, { x: 0, y: 0, width: g.width, height: g.height });
    const tile = all.find((n) => n.layout === 'tabbed' && n.nodes.includes(node));
    assert.ok(tile !== undefined);
    // One window per tile here (tabs.hide_single): the tile is the window and its border.
    assert.deepEqual(tile.rect, rect(g.x - BORDER, g.y - BORDER, g.width + 2 * BORDER, g.height + 2 * BORDER), 'the tile inside its gaps, border included');
    assert.ok(tile.rect.x === OUTER || tile.rect.x > OUTER + INNER, 'no tile reaches into a gap');
  }
});

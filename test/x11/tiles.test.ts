// Tiles and tabs on a real display: splits, kills, resizes, tab bars with
// their titles, and clicks.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, pressKeys, type Session, openClient } from '../harness/session.js';
import { runTool } from '../harness/clients.js';
import { TinyClient } from '../harness/tinyclient.js';
import { waitFor } from '../harness/wait.js';
import type { Geometry } from '../harness/observer.js';

let s: Session;
let barH: number;
const open: TinyClient[] = [];
before(async () => {
  s = await openSession();
  barH = (await s.obs.geometry(await s.obs.bar()))!.height;
});
after(async () => { for (const c of open) await c.close(); await s.close(); });

const client = (title: string): Promise<TinyClient> => openClient(s, open, title);
const press = (...keys: string[]): Promise<void> => pressKeys(s, ...keys);
const geo = async (c: TinyClient): Promise<Geometry> => (await s.obs.geometry(c.window))!;
const bar = (): Promise<string> => s.obs.barText();

test('split with a vertical line: a new empty tile to the right takes the focus and the next window', async () => {
  const a = await client('alpha');
  assert.match(await bar(), /tile 1\/1 \| tab 1\/1/);
  await press('super+shift+v');
  assert.match(await bar(), /tile 2\/2 \| tab 0\/0/);
  const tabs = await s.obs.tabBars();
  assert.equal(tabs.length, 2, 'an empty tile shows its tab bar too');
  const b = await client('bravo');
  const ga = await geo(a);
  const gb = await geo(b);
  assert.deepEqual([ga.x, ga.width, gb.x, gb.width], [0, 640, 640, 640]);
  assert.equal(ga.y, gb.y);
  assert.ok(ga.y > barH, 'below the bar and the tab bar');
  assert.equal(await s.obs.focus(), b.window);
});

test('split with a horizontal line nests: the new tile goes below', async () => {
  await press('super+shift+h');
  const c = await client('charlie');
  const b = open[1]!;
  const gb = await geo(b);
  const gc = await geo(c);
  assert.equal(gb.x, 640);
  assert.equal(gc.x, 640);
  assert.ok(gc.y > gb.y + gb.height, 'charlie is below bravo');
  assert.ok(Math.abs(gb.height - gc.height) <= 1, 'they share the height equally');
  assert.match(await bar(), /tile 3\/3/);
  assert.equal((await s.obs.tabBars()).length, 3);
});

test('killing a tile gives its space back and moves its tabs to the tile that takes its place', async () => {
  const [, b, c] = open as [TinyClient, TinyClient, TinyClient];
  await press('super+shift+d'); // kills charlie's tile (focused)
  assert.match(await bar(), /tile 2\/2 \| tab 1\/2/);
  const tabs = await s.obs.tabBars();
  assert.equal(tabs.length, 2);
  assert.match(tabs[1]!.text, /bravo/);
  assert.match(tabs[1]!.text, /charlie/);
  const states = [await s.obs.mapState(b.window), await s.obs.mapState(c.window)];
  assert.equal(states.filter((x) => x === 'viewable').length, 1, 'one of the two tabs shows');
  const shown = states[0] === 'viewable' ? b : c;
  const g = await geo(shown);
  assert.equal(g.y + g.height, 800, 'the surviving tile has the full height back');
  assert.equal(await s.obs.focus(), shown.window, 'focus is in the tile that took the space');
  assert.ok((await s.obs.clientList()).includes(c.window), 'no client lost');
});

test('tabs: next shows the other tab; the tab bar names both, shown one in brackets', async () => {
  const [, b, c] = open as [TinyClient, TinyClient, TinyClient];
  const before = (await s.obs.tabBars())[1]!.text;
  const names = before.split(' | ');
  assert.deepEqual(names.map((n) => n.replace(/^\[(.*)\]$/, '$1')).sort(), ['bravo', 'charlie']);
  const was = names.findIndex((n) => n.startsWith('['));
  assert.ok(was >= 0, `one tab shown: ${before}`);
  const next = (was + 1) % 2;
  const nextName = names[next]!;
  await press('super+shift+t');
  const after = (await s.obs.tabBars())[1]!.text;
  assert.equal(after, names.map((n, i) => (i === next ? `[${n}]` : n.replace(/^\[(.*)\]$/, '$1'))).join(' | '), 'the other tab shown');
  assert.match(await bar(), new RegExp(`tab ${next + 1}/2`));
  const shown = nextName === 'bravo' ? b : c;
  const hidden = shown === b ? c : b;
  assert.equal(await s.obs.mapState(shown.window), 'viewable', `${nextName} on screen`);
  assert.equal(await s.obs.mapState(hidden.window), 'unmapped', 'the other one not');
  assert.equal(await s.obs.focus(), shown.window, 'and focused');
});

test('resize moves the border in steps and stops at the minimum size', async () => {
  const a = open[0]!;
  await press('super+shift+p'); // focus the left tile (alpha)
  assert.equal(await s.obs.focus(), a.window);
  await press('super+shift+Right');
  assert.equal((await geo(a)).width, 640 + 64, 'grew by 5% of the screen width');
  await press(...Array<string>(25).fill('super+shift+Left'));
  const tiles = await s.obs.tabBars();
  assert.ok(tiles.every((t) => t.geometry.width >= 40 && t.geometry.x >= 0 && t.geometry.x + t.geometry.width <= 1280),
    `tiles stay on screen and at least 40 px wide: ${JSON.stringify(tiles.map((t) => t.geometry))}`);
  await press(...Array<string>(40).fill('super+shift+Right'));
  const right = (await s.obs.tabBars())[1]!;
  assert.ok(right.geometry.width >= 40 && right.geometry.x + right.geometry.width === 1280);
});

test('a tab moved to the next tile lands there, shown and focused', async () => {
  const a = open[0]!;
  await press('super+shift+m');
  const tabs = await s.obs.tabBars();
  assert.match(tabs[1]!.text, /\[alpha\]/);
  assert.equal(tabs[0]!.text, '', 'the left tile is empty now');
  assert.equal(await s.obs.focus(), a.window);
  assert.ok((await geo(a)).x > 0);
});

test('a UTF-8 title shows in the tab bar and follows title changes', async () => {
  const d = await client('héllo 世界 🙂');
  const text = async (): Promise<string> => (await s.obs.tabBars()).map((t) => t.text).join(' ');
  assert.match(await text(), /\[héllo 世界 🙂\]/);
  await d.setTitle('renamed ✓');
  await s.obs.sync();
  await waitFor('the new title', async () => (await text()).includes('[renamed ✓]'));
});

test('clicking a tab shows it; clicking into a tile focuses it', async () => {
  // The right tile was left at its minimum width, where its tab bar has room for one tab
  // (the others counted at its ends): widen it so every tab has a place to click.
  await press(...Array<string>(12).fill('super+shift+Left'));
  const tabs = await s.obs.tabBars();
  assert.ok(tabs[1]!.geometry.width >= 3 * 48, `right tile ${tabs[1]!.geometry.width} px wide`);
  const right = tabs[1]!;
  const names = right.text.split(' | ');
  const target = names.findIndex((n) => !n.startsWith('['));
  assert.ok(target >= 0);
  const cellW = right.geometry.width / names.length;
  const x = Math.floor(right.geometry.x + cellW * target + cellW / 2);
  const y = right.geometry.y + Math.floor(right.geometry.height / 2);
  await runTool(s.display, 'xdotool', ['mousemove', String(x), String(y), 'click', '1']);
  await s.obs.sync();
  await waitFor('the clicked tab to be shown', async () =>
    (await s.obs.tabBars())[1]!.text.split(' | ')[target]!.startsWith('['));
  // Focus the empty left tile with the keyboard, then click into the right tile's client.
  await press('super+shift+p');
  const shownRight = (await s.obs.visibleClients()).find((c) => c.geometry.x > 0)!;
  assert.notEqual(await s.obs.focus(), shownRight.window);
  await runTool(s.display, 'xdotool', ['mousemove', String(shownRight.geometry.x + 20), String(shownRight.geometry.y + 20), 'click', '1']);
  await s.obs.sync();
  await waitFor('focus to follow the click', async () => (await s.obs.focus()) === shownRight.window);
});

test('the last tile cannot be killed: the bar says so', async () => {
  await press('super+shift+d');
  assert.match(await bar(), /tile 1\/1/);
  await press('super+shift+d');
  assert.match(await bar(), /can't kill the last tile/);
  assert.equal((await s.obs.clientList()).length, open.length, 'every client is still managed');
});

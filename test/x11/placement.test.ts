// The `placement` setting with real xterms: split cuts the focused tile along its longer
// side, master keeps one large tile on the left and stacks the others on the right. Every
// window is shown, the newest focused.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, pressKeys, type Session } from '../harness/session.js';
import { startClient } from '../harness/clients.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import type { Geometry } from '../harness/observer.js';

const config = join(tempDir('fion-placement-'), 'config.yaml');
const placement = (how: string): void => writeFileSync(config, `placement: ${how}\n`);
placement('split');

let s: Session;
let barH: number;
before(async () => {
  s = await openSession({ fion: { args: ['--config', config] } });
  barH = (await s.obs.geometry(await s.obs.bar()))!.height;
});
after(async () => { await s.close(); });

type W = Parameters<Session['obs']['geometry']>[0];
/** An xterm of its own class, once Fion shows it and has focused it. */
async function xterm(klass: string): Promise<W> {
  startClient(s.display, 'xterm', ['-class', klass]);
  const w = await s.obs.waitForClass(klass) as W;
  await waitFor(`${klass} shown and focused`, async () => (await s.obs.mapState(w)) === 'viewable' && (await s.obs.focus()) === w);
  await s.obs.sync();
  return w;
}
const geo = async (w: W): Promise<Geometry> => (await s.obs.geometry(w))!;
/** Centre of a window: xterms round their size down to whole character cells, centred in the tile. */
const centre = (g: Geometry): { x: number; y: number } => ({ x: g.x + g.width / 2, y: g.y + g.height / 2 });
const overlap = (a: Geometry, b: Geometry): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('split: each new xterm halves the focused tile along its longer side, and all stay shown', async () => {
  const a = await xterm('PlaceA');
  const ga1 = await geo(a);
  assert.ok(ga1.width > 1200, `the first fills the screen: ${JSON.stringify(ga1)}`);
  const b = await xterm('PlaceB');
  const [ga, gb] = [await geo(a), await geo(b)];
  // 1280 wide, ~780 high: cut side by side.
  assert.ok(centre(ga).x < 640 && centre(gb).x > 640, `side by side: ${JSON.stringify([ga, gb])}`);
  assert.ok(Math.abs(centre(ga).y - centre(gb).y) <= 2, 'at the same height');
  const c = await xterm('PlaceC');
  const gb2 = await geo(b);
  const gc = await geo(c);
  // The right half (640 x ~780) is taller than wide: cut top and bottom.
  assert.ok(centre(gc).x > 640 && centre(gb2).x > 640, 'both on the right');
  assert.ok(centre(gb2).y < centre(gc).y, `the new one below: ${JSON.stringify([gb2, gc])}`);
  for (const w of [a, b, c]) assert.equal(await s.obs.mapState(w), 'viewable');
  const all = [await geo(a), gb2, gc];
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) assert.ok(!overlap(all[i]!, all[j]!), 'no overlap');
  for (const g of all) assert.ok(g.y > barH, 'below the bar');
  assert.equal(await s.obs.focus(), c);
});

test('master: one large tile on the left, the others stacked on the right in equal parts', async () => {
  placement('master');
  await pressKeys(s, 'super+shift+c'); // reload
  await pressKeys(s, 'super+shift+a'); // a new, empty workspace
  const m = await xterm('PlaceM');
  const s1 = await xterm('PlaceS1');
  const s2 = await xterm('PlaceS2');
  const s3 = await xterm('PlaceS3');
  const gm = await geo(m);
  const stack = [await geo(s1), await geo(s2), await geo(s3)];
  assert.ok(centre(gm).x < 640 && gm.height > 700, `master on the left, full height: ${JSON.stringify(gm)}`);
  for (const g of stack) assert.ok(centre(g).x > 640, `stacked on the right: ${JSON.stringify(g)}`);
  assert.ok(centre(stack[0]!).y < centre(stack[1]!).y && centre(stack[1]!).y < centre(stack[2]!).y, 'in order, top to bottom');
  const hs = stack.map((g) => g.height);
  assert.ok(Math.max(...hs) - Math.min(...hs) <= 20, `equal parts (give or take a character cell): ${hs.join(', ')}`);
  for (const w of [m, s1, s2, s3]) assert.equal(await s.obs.mapState(w), 'viewable');
  assert.equal(await s.obs.focus(), s3);
  assert.equal((await s.obs.clientList()).length, 7, 'the split workspace\'s xterms are still managed');
});

// Icon pixmaps: uploaded once per window, size and colour, copied at every draw, freed when
// the icon changes or the window goes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TabIcons, type IconSet } from '../../src/render/icons.js';
import type { Screen, XPort } from '../../src/x/port.js';
import type { WindowId } from '../../src/x/types.js';

function stub(): { x: XPort; calls: string[]; live: Set<number> } {
  const calls: string[] = [];
  const live = new Set<number>();
  let id = 100;
  const x = {
    createPixmap: () => { live.add(++id); calls.push('create'); return id; },
    putImage: (_d: number, _gc: number, _x: number, _y: number, w: number, h: number, _depth: number, px: Uint32Array) => {
      assert.equal(px.length, w * h);
      calls.push('put');
    },
    copyArea: () => { calls.push('copy'); },
    freePixmap: (p: number) => { assert.ok(live.delete(p), 'only pixmaps it made, once'); calls.push('free'); },
  } as unknown as XPort;
  return { x, calls, live };
}

const screen = { index: 0, root: 1, depth: 24 } as Screen;
const win = 7 as WindowId;
const solid = (argb: number): IconSet['images'] => [{ width: 8, height: 8, argb: new Uint32Array(64).fill(argb) }];

test('one upload per size and colour; a new icon or a gone window frees its pixmaps', () => {
  const { x, calls, live } = stub();
  const icons = new Map<WindowId, IconSet>([[win, { serial: 1, images: solid(0xffff0000) }]]);
  const t = new TabIcons(x, (w) => icons.get(w));
  const ref = { window: win, serial: 1, x: 4, y: 2, size: 16 };
  t.draw(screen, 50, 9, ref, 4, 2, 0x123456);
  t.draw(screen, 50, 9, ref, 4, 2, 0x123456);
  assert.deepEqual(calls, ['create', 'put', 'copy', 'copy'], 'uploaded once, copied each time');
  t.draw(screen, 50, 9, ref, 4, 2, 0x654321);
  assert.equal(t.uploads, 2, 'another background: another upload');
  icons.set(win, { serial: 2, images: solid(0xff00ff00) });
  t.draw(screen, 50, 9, ref, 4, 2, 0x123456);
  assert.equal(t.uploads, 2, 'a stale reference draws nothing');
  t.prune();
  assert.equal(live.size, 0, 'the old icon\'s pixmaps are freed');
  t.draw(screen, 50, 9, { ...ref, serial: 2 }, 4, 2, 0x123456);
  assert.equal(live.size, 1);
  icons.delete(win);
  t.prune();
  assert.equal(live.size, 0, 'a gone window\'s pixmaps are freed');
  assert.equal(t.kept, 0);
});

// Pointer geometry: moving and resizing a float by the mouse, and the borders between tiles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { borderAt, borderFraction, borders, movedRect, nearestCorner, resizedRect } from '../../src/layout/index.js';
import { addClient, createModel, focusedWorkspace, splitTile } from '../../src/model/index.js';
import { client, monitor } from '../model/support.js';

const start = { x: 100, y: 100, width: 200, height: 100 };

test('nearestCorner picks the quarter the pointer is in', () => {
  assert.deepEqual(nearestCorner(start, 110, 110), { x: -1, y: -1 });
  assert.deepEqual(nearestCorner(start, 290, 110), { x: 1, y: -1 });
  assert.deepEqual(nearestCorner(start, 110, 190), { x: -1, y: 1 });
  assert.deepEqual(nearestCorner(start, 290, 190), { x: 1, y: 1 });
});

test('movedRect moves by the pointer travel, size kept', () => {
  assert.deepEqual(movedRect(start, 30, -20), { x: 130, y: 80, width: 200, height: 100 });
});

test('resizedRect from the bottom-right grows the size, the top-left corner stays', () => {
  assert.deepEqual(resizedRect(start, { x: 1, y: 1 }, 50, 20), { x: 100, y: 100, width: 250, height: 120 });
});

test('resizedRect from the top-left keeps the bottom-right corner still', () => {
  assert.deepEqual(resizedRect(start, { x: -1, y: -1 }, 50, 20), { x: 150, y: 120, width: 150, height: 80 });
});

test('resizedRect from an edge changes one dimension only', () => {
  assert.deepEqual(resizedRect(start, { x: 0, y: 1 }, 50, 20), { x: 100, y: 100, width: 200, height: 120 });
});

test('resizedRect honours size increments and the min size, anchored on the opposite corner', () => {
  const hints = { baseWidth: 4, baseHeight: 4, widthInc: 10, heightInc: 20, minWidth: 44, minHeight: 44 };
  const r = resizedRect({ x: 0, y: 0, width: 204, height: 104 }, { x: -1, y: -1 }, 15, 15, hints);
  assert.deepEqual(r, { x: 20, y: 20, width: 184, height: 84 });
  const tiny = resizedRect({ x: 0, y: 0, width: 204, height: 104 }, { x: 1, y: 1 }, -1000, -1000, hints);
  assert.deepEqual([tiny.width, tiny.height], [44, 44]);
});

test('resizedRect: the opposite corner never moves, whatever the travel and hints', () => {
  const edge = fc.constantFrom(-1 as const, 0 as const, 1 as const);
  fc.assert(fc.property(
    fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }), width: fc.integer({ min: 1, max: 800 }), height: fc.integer({ min: 1, max: 800 }) }),
    edge, edge, fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -2000, max: 2000 }),
    fc.option(fc.record({ widthInc: fc.integer({ min: 1, max: 30 }), heightInc: fc.integer({ min: 1, max: 30 }), minWidth: fc.integer({ min: 1, max: 100 }) })),
    (r, ex, ey, dx, dy, hints) => {
      const out = resizedRect(r, { x: ex, y: ey }, dx, dy, hints ?? undefined);
      assert.ok(out.width >= 1 && out.height >= 1);
      if (ex >= 0) assert.equal(out.x, r.x);
      if (ey >= 0) assert.equal(out.y, r.y);
      if (ey < 0) assert.equal(out.y + out.height, r.y + r.height);
      if (ex < 0) assert.equal(out.x + out.width, r.x + r.width);
    }));
});

test('borders lie between neighbouring tiles; borderAt finds one within the slack', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = splitTile(m, 'vertical');
  m = splitTile(m, 'horizontal'); // the right half cut into two rows
  const area = { x: 0, y: 20, width: 1000, height: 780 };
  const list = borders(focusedWorkspace(m).root, area);
  assert.equal(list.length, 2);
  const vertical = list.find((b) => b.axis === 'row')!;
  const horizontal = list.find((b) => b.axis === 'column')!;
  assert.equal(vertical.at, 500);
  assert.deepEqual(horizontal.rect, { x: 500, y: 20, width: 500, height: 780 });
  assert.equal(borderAt(list, 503, 100, 4), vertical);
  assert.equal(borderAt(list, 510, 100, 4), null);
  assert.equal(borderAt(list, 700, horizontal.at - 2, 4), horizontal);
  assert.equal(borderAt(list, 300, horizontal.at, 4), null, 'the horizontal border spans the right half only');
  assert.equal(borderFraction(vertical, 250, 100), 0.25);
});

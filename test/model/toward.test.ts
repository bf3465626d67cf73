// Focus and moves by direction: the tile beside the focused one on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addClient, createModel, focusToward, moveTabToward, splitTile, tileToward, tileId } from '../../src/model/index.js';
import type { Rect, TileId } from '../../src/model/index.js';
import { nodeRects } from '../../src/layout/index.js';
import { client, current, monitor, wsShape } from './support.js';

const rects = (m: ReturnType<typeof createModel>): ReadonlyMap<TileId, Rect> => nodeRects(current(m).root, { x: 0, y: 0, width: 1000, height: 800 });

test('tileToward: nearest edge first, then the one most in line; null at the edge', () => {
  const r = new Map<TileId, Rect>([
    [tileId(1), { x: 0, y: 0, width: 500, height: 800 }],
    [tileId(2), { x: 500, y: 0, width: 500, height: 300 }],
    [tileId(3), { x: 500, y: 300, width: 500, height: 500 }],
  ]);
  assert.equal(tileToward(r, tileId(1), 'right'), tileId(3), 'both touch; 3 is more in line with the centre');
  assert.equal(tileToward(r, tileId(2), 'left'), tileId(1));
  assert.equal(tileToward(r, tileId(2), 'down'), tileId(3));
  assert.equal(tileToward(r, tileId(3), 'up'), tileId(2));
  assert.equal(tileToward(r, tileId(1), 'left'), null);
  assert.equal(tileToward(r, tileId(1), 'up'), null);
  assert.equal(tileToward(r, tileId(9), 'up'), null);
});

test('focusToward and moveTabToward act on the tile beside; nothing at the edge', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, client(2));
  m = splitTile(m, 'vertical'); // a new empty tile on the right, focused
  const right = current(m).focus;
  m = focusToward(m, 'left', rects(m));
  assert.notEqual(current(m).focus, right);
  assert.equal(focusToward(m, 'left', rects(m)), m, 'nothing to the left');
  const before = wsShape(m);
  m = moveTabToward(m, 'right', rects(m));
  assert.equal(current(m).focus, right, 'the focus follows the tab');
  assert.notEqual(wsShape(m), before);
  assert.match(wsShape(m), /row\(#\d+\[1\*\] #\d+\[2\*\]\)/);
  assert.equal(moveTabToward(m, 'right', rects(m)), m, 'nothing to the right');
});

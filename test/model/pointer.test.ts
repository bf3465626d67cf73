// The mouse on tiles: a tiled window dropped onto another tile, a border dragged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addClient, createModel, dropOnTile, focusTileById, focusedClient, focusedWorkspace, MIN_RATIO, setBorder, splitTile, tileId,
  toggleFloating,
} from '../../src/model/index.js';
import type { Model, Split } from '../../src/model/index.js';
import { checkModel } from './invariants.js';
import { approxEqual, client, monitor, w, wsShape } from './support.js';

/** Two tiles side by side: #2 holds 1 and 2 (2 shown), #3 holds 3. */
function twoTiles(): Model {
  let m = addClient(addClient(createModel([monitor('A')]), client(1)), client(2));
  m = splitTile(m, 'vertical');
  return addClient(m, client(3));
}
const ratios = (m: Model): readonly number[] => (focusedWorkspace(m).root as Split).ratios;

test('dropOnTile: the window becomes the shown, focused tab of the tile it is dropped on', () => {
  const m = dropOnTile(twoTiles(), w(2), tileId(3));
  checkModel(m);
  assert.equal(wsShape(m), 'row(#2[1*] #3[3,2*])');
  assert.equal(focusedClient(m), w(2));
});

test('dropOnTile: on its own tile, on an unknown tile, or a float: nothing changes', () => {
  const m = twoTiles();
  assert.equal(dropOnTile(m, w(3), tileId(3)), m);
  assert.equal(dropOnTile(m, w(3), tileId(99)), m);
  assert.equal(dropOnTile(m, w(42), tileId(2)), m);
  const floated = toggleFloating(m, w(3));
  assert.equal(dropOnTile(floated, w(3), tileId(2)), floated);
});

test('dropOnTile: the last tab leaves its tile empty', () => {
  const m = dropOnTile(twoTiles(), w(3), tileId(2));
  assert.equal(wsShape(m), 'row(#2[1,2,3*] #3)');
});

test('setBorder puts the border where the pointer is, as a fraction of the split', () => {
  const m = setBorder(twoTiles(), tileId(4), 0, 0.3, { width: 0, height: 0 });
  checkModel(m);
  assert.ok(approxEqual(ratios(m), [0.3, 0.7]), `${ratios(m)}`);
});

test('setBorder keeps both tiles at least the minimum share; bad input changes nothing', () => {
  const base = twoTiles();
  const min = { width: 0.1, height: 0.1 };
  assert.ok(approxEqual(ratios(setBorder(base, tileId(4), 0, -3, min)), [0.1, 0.9]));
  assert.ok(approxEqual(ratios(setBorder(base, tileId(4), 0, 0.99, min)), [0.9, 0.1]));
  assert.ok(ratios(setBorder(base, tileId(4), 0, 0, { width: 0, height: 0 }))[0]! >= MIN_RATIO);
  assert.equal(setBorder(base, tileId(4), 0, Number.NaN, min), base);
  assert.equal(setBorder(base, tileId(4), 1, 0.5, min), base, 'no border after the last child');
  assert.equal(setBorder(base, tileId(2), 0, 0.5, min), base, 'a tile is no split');
  assert.equal(setBorder(base, tileId(77), 0, 0.5, min), base);
});

test('setBorder in a nested split measures against that split and leaves the others', () => {
  let m = focusTileById(twoTiles(), tileId(3));
  m = splitTile(m, 'horizontal'); // #3 over a new tile, in a column split
  const col = ((focusedWorkspace(m).root as Split).children[1] as Split);
  m = setBorder(m, col.id, 0, 0.25, { width: 0, height: 0 });
  checkModel(m);
  const root = focusedWorkspace(m).root as Split;
  assert.ok(approxEqual(root.ratios, [0.5, 0.5]));
  assert.ok(approxEqual((root.children[1] as Split).ratios, [0.25, 0.75]));
});

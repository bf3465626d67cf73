import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addClient,
  createModel,
  createWorkspace,
  focusTile,
  focusTileById,
  focusedTile,
  focusedWorkspace,
  killTile,
  MIN_RATIO,
  resizeTile,
  splitTile,
  splitTileAuto,
  tileId,
} from '../../src/model/index.js';
import type { Model, Node, Split } from '../../src/model/index.js';
import { checkModel } from './invariants.js';
import { approxEqual, client, monitor, shownNames, wsShape } from './support.js';

const fresh = (): Model => createModel([monitor('A')]);
const root = (m: Model): Node => focusedWorkspace(m).root;
const ratios = (m: Model, node: Node = root(m)): readonly number[] => (node as Split).ratios;
const focusOn = (m: Model, id: number): Model => focusTileById(m, tileId(id));

test('splitTile vertical: new empty tile to the right, halves, focused', () => {
  const m = splitTile(addClient(fresh(), client(1)), 'vertical');
  checkModel(m);
  assert.equal(wsShape(m), 'row(#2[1*] #3)');
  assert.deepEqual(ratios(m), [0.5, 0.5]);
  assert.equal(focusedTile(m).id, 3);
  assert.equal(m.nextId, 5);
});

test('splitTile horizontal: new tile below', () => {
  const m = splitTile(fresh(), 'horizontal');
  assert.equal(wsShape(m), 'column(#2 #3)');
  assert.equal(focusedTile(m).id, 3);
});

test('splitTile along the parent axis inserts a sibling after the focused tile', () => {
  let m = splitTile(splitTile(fresh(), 'vertical'), 'vertical');
  assert.equal(wsShape(m), 'row(#2 #3 #5)');
  assert.deepEqual(ratios(m), [0.5, 0.25, 0.25]);
  assert.equal(focusedTile(m).id, 5);
  m = splitTile(focusOn(m, 2), 'vertical');
  assert.equal(wsShape(m), 'row(#2 #7 #3 #5)');
  assert.deepEqual(ratios(m), [0.25, 0.25, 0.25, 0.25]);
  checkModel(m);
});

test('splitTile across the parent axis nests', () => {
  let m = splitTile(fresh(), 'vertical');
  m = splitTile(m, 'horizontal');
  m = splitTile(m, 'vertical');
  assert.equal(wsShape(m), 'row(#2 column(#3 row(#5 #7)))');
  checkModel(m);
});

test('splitTile refuses below the minimum share, keeping the tree', () => {
  const min = { width: 0.3, height: 0.6 };
  let m = splitTile(fresh(), 'vertical', min);
  assert.equal(m.message, null);
  const before = m;
  m = splitTile(m, 'vertical', min);
  assert.equal(m.message, 'tile too small to split');
  assert.equal(m.workspaces, before.workspaces);
  assert.equal(splitTile(before, 'horizontal', min).message, 'tile too small to split');
});

test('splitTileAuto splits along the longer side', () => {
  assert.equal(wsShape(splitTileAuto(fresh(), { x: 0, y: 0, width: 800, height: 600 })), 'row(#2 #3)');
  assert.equal(wsShape(splitTileAuto(fresh(), { x: 0, y: 0, width: 400, height: 600 })), 'column(#2 #3)');
  assert.equal(wsShape(splitTileAuto(fresh(), { x: 0, y: 0, width: 500, height: 500 })), 'row(#2 #3)');
});

test('killTile: the last tile cannot be killed', () => {
  const m = addClient(fresh(), client(1));
  const k = killTile(m);
  assert.equal(k.message, "can't kill the last tile");
  assert.deepEqual({ ...k, message: null }, m);
});

test('killTile: last child gives its tabs to the previous sibling; lone child replaces the split', () => {
  let m = addClient(fresh(), client(1));
  m = splitTile(m, 'vertical');
  m = addClient(m, client(2));
  m = addClient(m, client(3));
  m = killTile(m);
  assert.equal(wsShape(m), '#2[1*,2,3]');
  assert.deepEqual(focusedTile(m).recent, [1, 3, 2]);
  assert.equal(focusedTile(m).id, 2);
  checkModel(m);
});

test('killTile: middle child gives its tabs to the next sibling; ratios shared proportionally', () => {
  let m = splitTile(splitTile(fresh(), 'vertical'), 'vertical'); // row(#2 #3 #5) .5 .25 .25
  m = focusOn(m, 3);
  m = addClient(m, client(1));
  m = killTile(m);
  assert.equal(wsShape(m), 'row(#2 #5[1*])');
  assert.ok(approxEqual(ratios(m), [2 / 3, 1 / 3]));
  assert.equal(focusedTile(m).id, 5);
  checkModel(m);
});

test('killTile: a split sibling receives into its nearest tile', () => {
  // Next sibling is a split: its first tile in reading order.
  let m = splitTile(splitTile(fresh(), 'vertical'), 'horizontal'); // row(#2 column(#3 #5))
  m = addClient(focusOn(m, 2), client(1));
  m = killTile(m);
  assert.equal(wsShape(m), 'column(#3[1*] #5)');
  assert.equal(focusedTile(m).id, 3);
  // Previous sibling is a split: its last tile.
  m = splitTile(fresh(), 'vertical'); // row(#2 #3)
  m = splitTile(focusOn(m, 2), 'horizontal'); // row(column(#2 #5) #3)
  m = addClient(focusOn(m, 3), client(1));
  m = killTile(m);
  assert.equal(wsShape(m), 'column(#2 #5[1*])');
  assert.equal(focusedTile(m).id, 5);
  checkModel(m);
});

test('killTile: a collapsing split of the grandparent axis is flattened into it', () => {
  let m = splitTile(fresh(), 'vertical');
  m = splitTile(m, 'horizontal');
  m = splitTile(m, 'vertical'); // row(#2 column(#3 row(#5 #7)))
  m = killTile(focusOn(m, 3));
  assert.equal(wsShape(m), 'row(#2 #5 #7)');
  assert.ok(approxEqual(ratios(m), [0.5, 0.25, 0.25]));
  checkModel(m);
});

test('focusTile cycles in reading order', () => {
  let m = splitTile(fresh(), 'vertical');
  m = splitTile(m, 'horizontal'); // row(#2 column(#3 #5)), focus 5
  const order: number[] = [];
  for (let i = 0; i < 4; i++) {
    m = focusTile(m, 'next');
    order.push(focusedTile(m).id);
  }
  assert.deepEqual(order, [2, 3, 5, 2]);
  m = focusTile(m, 'prev');
  assert.equal(focusedTile(m).id, 5);
  const single = fresh();
  assert.equal(focusTile(single, 'next'), single);
});

test('focusTileById shows the tile\'s workspace; unknown ids are ignored', () => {
  let m = splitTile(fresh(), 'vertical');
  m = createWorkspace(m);
  m = focusOn(m, 2);
  assert.deepEqual(shownNames(m), ['1']);
  assert.equal(focusedTile(m).id, 2);
  assert.equal(focusOn(m, 999), m);
});

test('resizeTile: grows towards a neighbour, else moves the far border (shrinks)', () => {
  let m = splitTile(fresh(), 'vertical'); // row(#2 #3), focus 3
  m = resizeTile(m, 'left', 0.05);
  assert.ok(approxEqual(ratios(m), [0.45, 0.55]));
  m = resizeTile(m, 'right', 0.05); // #3 is at the right edge: its left border moves right
  assert.ok(approxEqual(ratios(m), [0.5, 0.5]));
  m = focusOn(m, 2);
  m = resizeTile(m, 'right', 0.1);
  assert.ok(approxEqual(ratios(m), [0.6, 0.4]));
  m = resizeTile(m, 'left', 0.1); // #2 at the left edge: its right border moves left
  assert.ok(approxEqual(ratios(m), [0.5, 0.5]));
  assert.equal(resizeTile(m, 'up'), m, 'no column ancestor: nothing to move');
  const single = fresh();
  assert.equal(resizeTile(single, 'right'), single, 'a lone tile has no border to move');
});

test('resizeTile: the nearest ancestor with a border on that side moves', () => {
  let m = splitTile(fresh(), 'vertical');
  m = splitTile(m, 'horizontal'); // row(#2 column(#3 #5)), focus 5
  m = resizeTile(m, 'left', 0.05);
  assert.ok(approxEqual(ratios(m), [0.45, 0.55]));
  m = resizeTile(m, 'up', 0.05);
  const column = (root(m) as Split).children[1]!;
  assert.ok(approxEqual(ratios(m, column), [0.45, 0.55]));
  m = resizeTile(m, 'down', 0.1); // #5 is at the bottom: the border above it moves down
  assert.ok(approxEqual(ratios(m, (root(m) as Split).children[1]!), [0.55, 0.45]));
  checkModel(m);
});

test('resizeTile: the shrinking side keeps every tile above the minimum share', () => {
  let m = splitTile(fresh(), 'vertical');
  m = splitTile(m, 'horizontal');
  m = splitTile(m, 'vertical'); // row(#2 column(#3 row(#5 #7)))
  const min = { width: 0.2, height: 0.2 };
  m = resizeTile(focusOn(m, 2), 'right', 0.3, min);
  // #5 and #7 get half of the column each: the column can only shrink to 0.4.
  assert.ok(approxEqual(ratios(m), [0.6, 0.4]));
  assert.equal(resizeTile(m, 'right', 0.3, min), m);
  // Inner row: its share of the width is 0.4, so #7 may shrink to 0.2 / 0.4 = 0.5 of it.
  m = resizeTile(focusOn(m, 5), 'right', 0.3, min);
  const inner = ((root(m) as Split).children[1] as Split).children[1]!;
  assert.ok(approxEqual(ratios(m, inner), [0.5, 0.5]));
  m = resizeTile(focusOn(m, 7), 'left', 0.3, min); // #5 shrinks, limited likewise
  assert.ok(approxEqual(ratios(m, ((root(m) as Split).children[1] as Split).children[1]!), [0.5, 0.5]));
  checkModel(m);
});

test('resizeTile: ratios never reach 0 even without a minimum', () => {
  let m = focusOn(splitTile(fresh(), 'vertical'), 2);
  for (let i = 0; i < 40; i++) m = resizeTile(m, 'right', 0.05);
  const [a, b] = ratios(m);
  assert.ok(b! >= MIN_RATIO - 1e-12 && b! > 0);
  assert.ok(Math.abs(a! + b! - 1) < 1e-9);
  checkModel(m);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addClient,
  createModel,
  createWorkspace,
  focusedClient,
  focusedTile,
  focusTileById,
  moveTab,
  showTab,
  showTabAt,
  splitTile,
  tileId,
} from '../../src/model/index.js';
import type { Model } from '../../src/model/index.js';
import { checkModel } from './invariants.js';
import { client, monitor, shownNames, wsShape } from './support.js';

function threeTabs(): Model {
  let m = createModel([monitor('A')]);
  for (const n of [1, 2, 3]) m = addClient(m, client(n));
  return m;
}

test('showTab cycles in tab-bar order', () => {
  let m = threeTabs();
  m = showTab(m, 'next');
  assert.equal(focusedClient(m), 1);
  m = showTab(m, 'next');
  assert.equal(focusedClient(m), 2);
  m = showTab(m, 'prev');
  m = showTab(m, 'prev');
  assert.equal(focusedClient(m), 3);
  assert.deepEqual(focusedTile(m).recent, [3, 1, 2]);
  assert.deepEqual(focusedTile(m).tabs, [1, 2, 3], 'bar order unchanged');
});

test('showTab with fewer than two tabs is a no-op', () => {
  const empty = createModel([monitor('A')]);
  assert.equal(showTab(empty, 'next'), empty);
  const one = addClient(empty, client(1));
  assert.equal(showTab(one, 'prev'), one);
});

test('showTabAt focuses the tile and shows the clicked tab', () => {
  let m = threeTabs();
  m = splitTile(m, 'vertical');
  m = showTabAt(m, tileId(2), 0);
  assert.equal(focusedTile(m).id, 2);
  assert.equal(focusedClient(m), 1);
  m = showTabAt(m, tileId(3), 5); // no such tab: only the focus moves
  assert.equal(focusedTile(m).id, 3);
  assert.equal(wsShape(m), 'row(#2[1*,2,3] #3)');
});

test('showTabAt on a hidden workspace shows it', () => {
  let m = threeTabs();
  m = createWorkspace(m);
  m = showTabAt(m, tileId(2), 1);
  assert.deepEqual(shownNames(m), ['1']);
  assert.equal(focusedClient(m), 2);
});

test('moveTab carries the shown tab to the next tile, newest and shown; focus follows', () => {
  let m = threeTabs();
  m = splitTile(m, 'vertical');
  m = addClient(m, client(4));
  m = focusTileById(m, tileId(2));
  m = moveTab(m, 'next');
  assert.equal(wsShape(m), 'row(#2[1,2*] #3[4,3*])');
  assert.equal(focusedTile(m).id, 3);
  assert.equal(focusedClient(m), 3);
  m = moveTab(m, 'next'); // cyclic: from the last tile to the first
  assert.equal(wsShape(m), 'row(#2[1,2,3*] #3[4*])');
  m = moveTab(m, 'prev');
  assert.equal(wsShape(m), 'row(#2[1,2*] #3[4,3*])');
  checkModel(m);
});

test('moveTab: no-op with one tile or an empty tile', () => {
  const one = threeTabs();
  assert.equal(moveTab(one, 'next'), one);
  const emptyFocused = splitTile(one, 'vertical');
  assert.equal(moveTab(emptyFocused, 'next'), emptyFocused);
});

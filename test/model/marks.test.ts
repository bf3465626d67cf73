// Marks: unique names on windows, kept across a restart, and moving a window to a mark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addClient, allMarks, createModel, createWorkspace, findClient, focusedClient, mark, moveToMark, splitTile, toggleFloating, unmark,
  windowOfMark, type Model,
} from '../../src/model/index.js';
import { modelFromJson, modelToJson } from '../../src/model/serialize.js';
import { checkModel } from './invariants.js';
import { client, monitor, w } from './support.js';

function three(): Model {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = splitTile(m, 'vertical');
  m = addClient(m, client(2));
  m = createWorkspace(m, 'two');
  return addClient(m, client(3));
}

test('a mark names one window: marking another moves it; --add keeps the others; --toggle takes it off', () => {
  let m = mark(three(), w(1), 'a', 'replace');
  m = mark(m, w(1), 'b', 'add');
  assert.deepEqual(m.clients.get(w(1))?.marks, ['a', 'b']);
  m = mark(m, w(2), 'a', 'replace');
  assert.deepEqual(m.clients.get(w(1))?.marks, ['b'], 'a left window 1');
  assert.equal(windowOfMark(m, 'a'), 2);
  m = mark(m, w(2), 'c', 'replace');
  assert.deepEqual(m.clients.get(w(2))?.marks, ['c'], 'a plain mark replaces the window\'s marks');
  m = mark(m, w(2), 'c', 'toggle');
  assert.deepEqual(m.clients.get(w(2))?.marks, []);
  m = mark(m, w(3), 'b', 'toggle', false);
  assert.deepEqual(allMarks(m).sort(), ['b']);
  assert.equal(windowOfMark(m, 'b'), 3);
  assert.deepEqual(allMarks(unmark(mark(m, w(1), 'z', 'add'), null)), []);
  assert.deepEqual(allMarks(unmark(mark(m, w(1), 'z', 'add'), 'z')), ['b']);
  assert.deepEqual(allMarks(unmark(mark(m, w(1), 'z', 'add'), null, w(3))), ['z'], 'only that window\'s marks');
});

test('marks survive the restart file', () => {
  const m = mark(mark(three(), w(1), 'mail', 'replace'), w(1), 'x y', 'add');
  const back = modelFromJson(JSON.parse(JSON.stringify(modelToJson(m))));
  assert.ok(back.ok);
  assert.deepEqual(back.model.clients.get(w(1))?.marks, ['mail', 'x y']);
});

test('move to mark: the window becomes a tab of the marked window\'s tile, from anywhere', () => {
  let m = mark(three(), w(1), 'here', 'replace');
  const tile1 = findClient(m, w(1))!.tile;
  const moved = moveToMark(m, w(3), 'here');
  assert.ok(typeof moved !== 'string');
  assert.equal(findClient(moved, w(3))?.tile, tile1);
  checkModel(moved);
  assert.match(String(moveToMark(m, w(3), 'nowhere')), /no window is marked "nowhere"/);
  m = toggleFloating(m, w(3));
  const fromFloat = moveToMark(m, w(3), 'here');
  assert.ok(typeof fromFloat !== 'string');
  assert.notEqual(findClient(fromFloat, w(3))?.floating, true);
  assert.equal(findClient(fromFloat, w(3))?.tile, tile1);
  checkModel(fromFloat);
  const floatMarked = mark(m, w(3), 'f', 'replace');
  assert.match(String(moveToMark(floatMarked, w(2), 'f')), /floats/);
});

test('property: after any marks and moves, each mark names one window and the model holds', () => {
  const op = fc.oneof(
    fc.record({ k: fc.constant('mark'), id: fc.integer({ min: 1, max: 3 }), name: fc.constantFrom('a', 'b', 'c'), how: fc.constantFrom('replace', 'add', 'toggle') as fc.Arbitrary<'replace' | 'add' | 'toggle'> }),
    fc.record({ k: fc.constant('unmark'), name: fc.option(fc.constantFrom('a', 'b', 'c')) }),
    fc.record({ k: fc.constant('move'), id: fc.integer({ min: 1, max: 3 }), name: fc.constantFrom('a', 'b', 'c') }),
    fc.record({ k: fc.constant('float'), id: fc.integer({ min: 1, max: 3 }) }),
  );
  fc.assert(fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
    let m = three();
    for (const o of ops) {
      if (o.k === 'mark') m = mark(m, w(o.id), o.name, o.how);
      else if (o.k === 'unmark') m = unmark(m, o.name);
      else if (o.k === 'float') m = toggleFloating(m, w(o.id));
      else { const r = moveToMark(m, w(o.id), o.name); if (typeof r !== 'string') m = r; }
      checkModel(m, new Set([w(1), w(2), w(3)]));
      const marks = allMarks(m);
      assert.equal(new Set(marks).size, marks.length, `a mark on two windows: ${marks.join(',')}`);
      assert.ok(focusedClient(m) !== undefined);
    }
  }));
});

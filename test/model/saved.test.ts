// Saved layouts: saving a workspace's tiles, loading them back as waiting tiles, windows
// claiming the tiles that wait for them, and untrusted layout files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addClient, claimWaiting, createModel, findClient, focusedWorkspace, loadLayout, parseSavedLayout, resizeTile, saveLayout,
  splitTile, tiles, windowId,
} from '../../src/model/index.js';
import type { Client, Model, SavedLayout, SavedNode } from '../../src/model/index.js';
import { checkModel } from './invariants.js';
import { applyOp, monitorsArb, opArb, startState, type RunState } from './ops.js';
import { monitor, wsShape } from './support.js';

const cl = (n: number, klass: string, instance = klass.toLowerCase(), title = `w${n}`): Client =>
  ({ id: windowId(n), title, instance, class: klass, urgent: false });

/** Two tiles side by side, the right one split in two: xterm | (firefox / emacs). */
function sample(): Model {
  let m = createModel([monitor('A')]);
  m = addClient(m, cl(1, 'XTerm'));
  m = splitTile(m, 'vertical');
  m = addClient(m, cl(2, 'firefox', 'Navigator'));
  m = splitTile(m, 'horizontal');
  m = addClient(m, cl(3, 'Emacs'));
  return resizeTile(m, 'left', 0.1);
}

const round = (n: SavedNode): SavedNode => n.kind === 'tile' ? n
  : { ...n, ratios: n.ratios.map((r) => Math.round(r * 1e9) / 1e9), children: n.children.map(round) };

test('save: splits with axes and ratios, tiles with class and instance of their windows', () => {
  const saved = saveLayout(sample());
  assert.equal(saved.fion_layout, 1);
  assert.equal(saved.root.kind, 'split');
  const root = saved.root as Extract<SavedNode, { kind: 'split' }>;
  assert.equal(root.axis, 'row');
  assert.ok(Math.abs(root.ratios[0]! - 0.4) < 1e-9, `ratios ${root.ratios.join()}`);
  assert.deepEqual(root.children[0], { kind: 'tile', tabs: [{ class: 'XTerm', instance: 'xterm' }] });
  const right = root.children[1] as Extract<SavedNode, { kind: 'split' }>;
  assert.equal(right.axis, 'column');
  assert.deepEqual(right.children.map((c) => c.kind === 'tile' ? c.tabs : null), [[{ class: 'firefox', instance: 'Navigator' }], [{ class: 'Emacs', instance: 'emacs' }]]);
  assert.deepEqual(parseSavedLayout(JSON.parse(JSON.stringify(saved))), { ok: true, layout: saved }, 'what is saved reads back');
});

test('load on an empty workspace recreates the tiles, waiting; saving again gives the same layout', () => {
  const saved = saveLayout(sample());
  const loaded = loadLayout(createModel([monitor('A')]), saved);
  checkModel(loaded, new Set());
  assert.equal(wsShape(loaded).replace(/#\d+/g, '#'), 'row(# column(# #))');
  assert.deepEqual(round(saveLayout(loaded).root), round(saved.root));
  assert.equal(focusedWorkspace(loaded).focus, tiles(focusedWorkspace(loaded).root)[0]!.id, 'the first tile is focused');
});

test('new windows go to the tile waiting for them, once; others go to the focused tile', () => {
  let m = loadLayout(createModel([monitor('A')]), saveLayout(sample()));
  const [left, top, bottom] = tiles(focusedWorkspace(m).root).map((t) => t.id);
  const add = (c: Client): void => { m = claimWaiting(addClient(m, c), c.id); };
  add(cl(10, 'Emacs'));
  add(cl(11, 'firefox', 'Navigator'));
  add(cl(12, 'XTerm'));
  add(cl(13, 'XTerm'));
  const tileOf = (n: number): unknown => findClient(m, windowId(n))?.tile;
  assert.deepEqual([tileOf(10), tileOf(11), tileOf(12)], [bottom, top, left]);
  assert.equal(tileOf(13), focusedWorkspace(m).focus, 'nothing waits any more: the focused tile');
  assert.ok(tiles(focusedWorkspace(m).root).every((t) => t.waiting === undefined), 'every wait used up');
  checkModel(m, new Set([10, 11, 12, 13].map(windowId)));
});

test('load into a tile that has windows: they stay, in the first loaded tile', () => {
  let m = addClient(addClient(createModel([monitor('A')]), cl(1, 'A')), cl(2, 'B'));
  m = loadLayout(m, saveLayout(sample()));
  checkModel(m, new Set([windowId(1), windowId(2)]));
  assert.deepEqual(tiles(focusedWorkspace(m).root)[0]!.tabs, [1, 2]);
});

test('a row loaded into a row joins it (no split inside a split of the same axis)', () => {
  let m = splitTile(createModel([monitor('A')]), 'vertical');
  m = loadLayout(m, saveLayout(sample()));
  checkModel(m, new Set());
  assert.equal(wsShape(m).replace(/#\d+/g, '#'), 'row(# # column(# #))');
});

test('untrusted layout files: each problem named, nothing thrown', () => {
  const bad: [unknown, RegExp][] = [
    [null, /not a Fion layout/],
    [{ fion_layout: 2, root: {} }, /not a Fion layout/],
    [{ fion_layout: 1, root: { kind: 'blob' } }, /kind/],
    [{ fion_layout: 1, root: { kind: 'split', axis: 'diagonal', children: [] } }, /axis/],
    [{ fion_layout: 1, root: { kind: 'split', axis: 'row', children: [] } }, /non-empty/],
    [{ fion_layout: 1, root: { kind: 'split', axis: 'row', ratios: [1, -1], children: [{ kind: 'tile' }, { kind: 'tile' }] } }, /ratios/],
    [{ fion_layout: 1, root: { kind: 'tile', tabs: [{ class: 5 }] } }, /class/],
    [{ fion_layout: 1, root: { kind: 'tile', tabs: [{}] } }, /expected class/],
  ];
  for (const [v, re] of bad) {
    const r = parseSavedLayout(v);
    assert.equal(r.ok, false, JSON.stringify(v));
    if (!r.ok) assert.match(r.error, re);
  }
  let deep: unknown = { kind: 'tile' };
  for (let i = 0; i < 1000; i++) deep = { kind: 'split', axis: i % 2 ? 'row' : 'column', children: [deep, { kind: 'tile' }] };
  const r = parseSavedLayout({ fion_layout: 1, root: deep });
  assert.equal(r.ok, false);
  fc.assert(fc.property(fc.anything(), (v) => { parseSavedLayout(v); parseSavedLayout({ fion_layout: 1, root: v }); }));
});

/** Random saved trees, within the limits. */
const matchArb = fc.record({ class: fc.constantFrom('A', 'B', '/^C/') }, { requiredKeys: [] });
const savedArb: fc.Arbitrary<SavedNode> = fc.letrec<{ node: SavedNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('tile' as const), tabs: fc.array(matchArb.filter((m) => m.class !== undefined), { maxLength: 3 }) }),
    fc.integer({ min: 1, max: 4 }).chain((n) => fc.record({
      kind: fc.constant('split' as const),
      axis: fc.constantFrom('row' as const, 'column' as const),
      ratios: fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
      children: fc.array(tie('node'), { minLength: n, maxLength: n }),
    })),
  ),
})).node;

type Step = { kind: 'op'; op: Parameters<typeof applyOp>[1] } | { kind: 'load'; root: SavedNode } | { kind: 'saveLoad' } | { kind: 'add'; klass: string };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: opArb.map((op) => ({ kind: 'op' as const, op })) },
  { weight: 1, arbitrary: savedArb.map((root) => ({ kind: 'load' as const, root })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'saveLoad' as const }) },
  { weight: 2, arbitrary: fc.constantFrom('A', 'B', 'Cx', 'D').map((klass) => ({ kind: 'add' as const, klass })) },
);

test('property: loading layouts and windows claiming tiles keep every invariant (no client lost or doubled)', () => {
  fc.assert(fc.property(monitorsArb, fc.array(stepArb, { maxLength: 40 }), (monitors, steps) => {
    let s: RunState = startState(monitors);
    for (const step of steps) {
      switch (step.kind) {
        case 'op':
          s = applyOp(s, step.op);
          break;
        case 'load':
          s = { ...s, model: loadLayout(s.model, { fion_layout: 1, workspace: '', root: step.root } satisfies SavedLayout) };
          break;
        case 'saveLoad':
          s = { ...s, model: loadLayout(s.model, saveLayout(s.model)) };
          break;
        case 'add': {
          const id = windowId(s.nextWindow);
          const model = claimWaiting(addClient(s.model, cl(s.nextWindow, step.klass)), id);
          s = { model, expected: new Set([...s.expected, id]), nextWindow: s.nextWindow + 1 };
          break;
        }
      }
      checkModel(s.model, s.expected);
    }
  }), { numRuns: 300 });
});

// The tree reply as a pure function of the model and its layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addClient, createModel, createWorkspace, loadLayout, splitTile, switchWorkspace, toggleFloating, updateClient } from '../../src/model/index.js';
import { layout } from '../../src/layout/index.js';
import { treeJson, workspacesJson } from '../../src/ipc/tree.js';
import type { NodeJson } from '../../src/ipc/tree.js';
import { client, monitor, w } from '../model/support.js';
import { THEME } from '../model/ops.js';

test('tiles, ratios, geometry, tabs and floats; hidden workspaces have no geometry', () => {
  let m = addClient(createModel([monitor('A')]), client(1, 'one'));
  m = splitTile(m, 'vertical');
  m = addClient(m, client(2, 'two'));
  m = addClient(m, client(3, 'three'));
  m = toggleFloating(m);
  m = updateClient(m, w(1), { urgent: true });
  m = createWorkspace(m);
  m = addClient(m, client(4));
  m = switchWorkspace(m, 'prev');
  const t = treeJson(m, layout(m, THEME));
  assert.equal(t.focus, 3, 'the float just made keeps the focus');
  const [one, two] = t.workspaces;
  const root = one!.root as Extract<NodeJson, { kind: 'split' }>;
  assert.deepEqual([root.axis, root.ratios], ['row', [0.5, 0.5]]);
  assert.deepEqual(root.rect, { x: 0, y: THEME.barHeight, width: 1000, height: 800 - THEME.barHeight });
  const [left, right] = root.children as Extract<NodeJson, { kind: 'tile' }>[];
  assert.deepEqual(left!.tabs.map((x) => [x.window, x.title, x.urgent, x.focused]), [[1, 'one', true, false]]);
  assert.deepEqual(right!.tabs.map((x) => [x.window, x.shown, x.focused]), [[2, true, false]]);
  assert.equal(right!.focused, false, 'a float has the focus, not the tile');
  assert.ok(right!.tabs[0]!.rect !== null);
  assert.deepEqual(one!.floating.map((x) => [x.window, x.floating, x.focused]), [[3, true, true]]);
  assert.equal(one!.urgent, true);
  assert.equal(two!.visible, false);
  assert.equal((two!.root as Extract<NodeJson, { kind: 'tile' }>).rect, null);
  assert.equal((two!.root as Extract<NodeJson, { kind: 'tile' }>).tabs[0]!.rect, null, 'a hidden window has no geometry');
  assert.deepEqual(workspacesJson(m).map((x) => [x.number, x.focused, x.monitor]), [[1, true, 0], [2, false, null]]);
});

test('tiles of a loaded layout show what they wait for', () => {
  const m = loadLayout(createModel([monitor('A')]), {
    fion_layout: 1, workspace: 'x',
    root: { kind: 'split', axis: 'row', ratios: [1, 1], children: [{ kind: 'tile', tabs: [] }, { kind: 'tile', tabs: [{ class: 'Emacs' }] }] },
  });
  const root = treeJson(m, layout(m, THEME)).workspaces[0]!.root as Extract<NodeJson, { kind: 'split' }>;
  assert.deepEqual(root.children.map((c) => c.kind === 'tile' ? c.waiting : null), [[], [{ class: 'Emacs' }]]);
});

// `layout save FILE` and `layout load FILE`: parsing, printing, and the effects they ask Wm for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { executeCommand, formatCommand, parseCommand } from '../../src/commands/index.js';
import { addClient, createModel } from '../../src/model/index.js';
import { client, monitor } from '../model/support.js';
import { THEME } from '../model/ops.js';

test('layout save|load FILE parses, and prints back to the same command', () => {
  for (const text of ['layout save /tmp/web.json', 'layout load "my layouts/web.json"', 'layout load ~/w.json']) {
    const r = parseCommand(text);
    assert.ok(r.ok, text);
    if (r.ok) assert.deepEqual(parseCommand(formatCommand(r.command)), r);
  }
  const p = parseCommand('layout load "a b.json"');
  assert.deepEqual(p, { ok: true, command: { verb: 'layout', action: 'load', path: 'a b.json' } });
});

test('layout errors name what is expected', () => {
  assert.deepEqual(parseCommand('layout'), { ok: false, error: 'layout: expected one of save, load' });
  assert.deepEqual(parseCommand('layout save'), { ok: false, error: 'layout save: expected a file name' });
  assert.deepEqual(parseCommand('layout load a b'), { ok: false, error: 'layout load: unexpected "b"' });
});

test('save carries the focused workspace\'s layout to Wm; load asks Wm to read the file; the model is unchanged', () => {
  const m = addClient(createModel([monitor('A')]), client(1));
  const ctx = { theme: THEME, resizeStep: 0.05 };
  const save = executeCommand(m, { verb: 'layout', action: 'save', path: '/x.json' }, ctx);
  assert.equal(save.model.workspaces, m.workspaces);
  assert.deepEqual(save.effects, [{ kind: 'layout-save', path: '/x.json', layout: { fion_layout: 1, workspace: '1', root: { kind: 'tile', tabs: [{ class: 'Class', instance: 'inst' }] } } }]);
  const load = executeCommand(m, { verb: 'layout', action: 'load', path: '/x.json' }, ctx);
  assert.deepEqual(load.effects, [{ kind: 'layout-load', path: '/x.json' }]);
});

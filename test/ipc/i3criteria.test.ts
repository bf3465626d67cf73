// i3's criteria: read, refused when unsupported or dangerous, matched on the model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addClient, createModel, createWorkspace, toggleFloating, updateClient } from '../../src/model/index.js';
import { matchCriteria, parseCriteria } from '../../src/ipc/i3criteria.js';
import { i3Id } from '../../src/ipc/i3tree.js';
import { translateI3 } from '../../src/ipc/i3commands.js';
import { client, monitor, w } from '../model/support.js';

let m = addClient(createModel([monitor('A')]), { ...client(1, 'Inbox - Mail'), class: 'Thunderbird', instance: 'Mail' });
m = addClient(m, { ...client(2, 'vim'), class: 'XTerm', instance: 'xterm' });
m = createWorkspace(m, 'web');
m = addClient(m, { ...client(3, 'news'), class: 'firefox', instance: 'Navigator' });
m = toggleFloating(m);
m = updateClient(m, w(2), { urgent: true });
const model = m;

const match = (text: string): number[] => {
  const r = parseCriteria(text);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return matchCriteria(model, r.criteria);
};
const error = (text: string): string => {
  const r = parseCriteria(text);
  assert.ok(!r.ok);
  return r.error;
};

test('class, instance, title and workspace are regular expressions; id, con_id, floating, tiling, urgent', () => {
  assert.deepEqual(match('[class="XTerm"] kill'), [2]);
  assert.deepEqual(match('[class="^(XTerm|firefox)$"]'), [2, 3]);
  assert.deepEqual(match('[title="Mail" instance=Mail]'), [1]);
  assert.deepEqual(match('[workspace="^web$"]'), [3]);
  assert.deepEqual(match('[id=0x2]'), [2]);
  assert.deepEqual(match(`[con_id=${i3Id.window(3)}]`), [3]);
  assert.deepEqual(match('[floating]'), [3]);
  assert.deepEqual(match('[tiling]'), [1, 2]);
  assert.deepEqual(match('[urgent=latest]'), [2]);
  assert.deepEqual(match('[class=__focused__]'), [3], 'the focused window is the float on web');
  assert.deepEqual(match('[class="nothing"]'), []);
  const r = parseCriteria('[class="a\\"b"]  focus');
  assert.ok(r.ok);
  assert.equal(r.rest, 'focus');
});

test('unsupported criteria and patterns that could stall Fion are refused with the reason', () => {
  assert.match(error('[con_mark="x"] focus'), /marks/);
  assert.match(error('[window_role="pop-up"] focus'), /WM_WINDOW_ROLE/);
  assert.match(error('[title="(a+)+$"] kill'), /ages/);
  assert.match(error('[title="(a|aa)*b"] kill'), /ages/);
  assert.match(error('[title="(x)\\1"] kill'), /ages/);
  assert.match(error('[title=".*.*.*.*x"] kill'), /ages/);
  assert.match(error('[title="("] kill'), /bad regular expression/);
  assert.match(error('[class="x"'), /missing "\]"/);
  assert.match(error('[class="x'), /closing quote/);
  assert.match(error('[colour=red] kill'), /unknown criterion "colour"/);
  assert.match(error('[id=abc] kill'), /X window id/);
});

test('[criteria] focus and kill become Fion commands on the windows matched; others are refused', () => {
  const t = (cmd: string): string => {
    const r = translateI3({ model, modes: [] }, cmd);
    return r.ok ? r.fion : `error: ${r.error}`;
  };
  assert.equal(t('[class="XTerm"] focus'), 'focus window 0x2');
  assert.equal(t('[tiling] kill'), 'close 0x1; close 0x2');
  assert.match(t('[class="nope"] kill'), /^error: no window matches \[class="nope"\]/);
  assert.match(t('[class="XTerm"] fullscreen'), /^error: criteria with "fullscreen".*focus and kill only/);
});

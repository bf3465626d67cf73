// i3's criteria: read, refused when unsupported or dangerous, matched on the model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addClient, createModel, createWorkspace, findClient, focusedClient, toggleFloating, updateClient, type Model } from '../../src/model/index.js';
import { executeCommand, executeForEach, parseCommand, type CommandContext, type Outcome } from '../../src/commands/index.js';
import { matchCriteria, parseCriteria } from '../../src/commands/criteria.js';
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
  assert.match(error('[machine="x"] focus'), /WM_CLIENT_MACHINE/);
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

const ctx: CommandContext = { theme: { barHeight: 20, tabBarHeight: 18 }, resizeStep: 0.1 };
const runFion = (m0: Model, text: string): Outcome => {
  const r = parseCommand(text);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.targets === undefined ? executeCommand(m0, r.command, ctx) : executeForEach(m0, r.targets.criteria, r.targets.text, r.command, ctx);
};

test('[criteria] COMMAND from i3: matched when Fion runs it; focus leaves the last match focused, kill closes each', () => {
  const t = (cmd: string): string => {
    const r = translateI3({ modes: [] }, cmd);
    return r.ok ? r.fion : `error: ${r.error}`;
  };
  assert.equal(t('[class="XTerm"] focus'), '[class="XTerm"] focus window');
  assert.equal(t('[tiling] kill'), '[tiling] close');
  assert.equal(t('[class="XTerm"] fullscreen'), '[class="XTerm"] tab fullscreen');
  assert.equal(t('[tiling] floating enable'), '[tiling] tab float enable');
  assert.match(t('[colour=red] kill'), /unknown criterion/);
  // What they do, run against the model of now.
  assert.equal(focusedClient(runFion(model, t('[class="XTerm"] focus')).model), 2);
  assert.deepEqual(runFion(model, t('[tiling] kill')).effects, [{ kind: 'close', window: 1 }, { kind: 'close', window: 2 }]);
  assert.match(runFion(model, t('[class="nope"] kill')).model.message ?? '', /no window matches \[class="nope"\]/);
  const floated = runFion(model, t('[all] floating enable')).model;
  assert.deepEqual([1, 2, 3].map((id) => findClient(floated, w(id))?.floating), [true, true, true], 'enable floats each match once; the float stays a float');
});

test('urgent=latest is the window urgent most recently, urgent=oldest the one urgent longest, as in i3', () => {
  // 2 became urgent first (above), then 3, then 1.
  let m2 = updateClient(model, w(3), { urgent: true });
  m2 = updateClient(m2, w(1), { urgent: true });
  const on = (mm: Model, text: string): number[] => {
    const r = parseCriteria(text);
    assert.ok(r.ok, r.ok ? '' : r.error);
    return matchCriteria(mm, r.criteria);
  };
  assert.deepEqual(on(m2, '[urgent=latest]'), [1]);
  assert.deepEqual(on(m2, '[urgent=newest]'), [1]);
  assert.deepEqual(on(m2, '[urgent=oldest]'), [2]);
  assert.deepEqual(on(m2, '[urgent=first]'), [2]);
  assert.deepEqual(on(m2, '[urgent]'), [1, 2, 3], 'without a value: every urgent window');
  // Not "the latest among the others matched": the latest of all, as i3 does.
  assert.deepEqual(on(m2, '[urgent=latest class="XTerm"]'), []);
  // 1 calms down: 3 is now the latest.
  m2 = updateClient(m2, w(1), { urgent: false });
  assert.deepEqual(on(m2, '[urgent=latest]'), [3]);
  const r = translateI3({ modes: [] }, '[urgent=latest] focus');
  assert.deepEqual(r, { ok: true, fion: '[urgent=latest] focus window' }, 'matched when it runs');
  assert.match(error('[urgent=soon] focus'), /expected latest or oldest/);
});

test('window_role, window_type, con_mark and all match what the model keeps', () => {
  let m2 = updateClient(model, w(1), { role: 'pop-up', windowType: 'dialog', marks: ['mail'] });
  m2 = updateClient(m2, w(2), { marks: ['edit', 'term'] });
  const on = (text: string): number[] => {
    const r = parseCriteria(text);
    assert.ok(r.ok, r.ok ? '' : r.error);
    return matchCriteria(m2, r.criteria);
  };
  assert.deepEqual(on('[window_role="^pop-up$"]'), [1]);
  assert.deepEqual(on('[window_type="dialog"]'), [1]);
  assert.deepEqual(on('[window_type="normal"]'), [2, 3], 'no type kept means normal, as i3 reports it');
  assert.deepEqual(on('[con_mark="^term$"]'), [2]);
  assert.deepEqual(on('[con_mark="."]'), [1, 2]);
  assert.deepEqual(on('[all]'), [1, 2, 3]);
});

test('Fion commands take the same criteria: the command runs for each match, the focus stays', () => {
  const r = parseCommand('[class="XTerm" title="v.m"] tab float');
  assert.ok(r.ok && r.targets !== undefined);
  assert.equal(r.targets.text, '[class="XTerm" title="v.m"]');
  assert.equal(r.command.verb, 'tab');
  const before = focusedClient(model);
  const out = runFion(model, '[class="XTerm"] tab float');
  assert.equal(findClient(out.model, w(2))?.floating, true, 'the match floats');
  assert.equal(focusedClient(out.model), before, 'the focus is back where it was');
  const closed = runFion(model, '[tiling] close');
  assert.deepEqual(closed.effects, [{ kind: 'close', window: 1 }, { kind: 'close', window: 2 }]);
  const focused = runFion(model, '[class="Thunderbird"] focus window 0x1');
  assert.equal(focusedClient(focused.model), 1);
  const none = runFion(model, '[class="nobody"] close');
  assert.equal(none.model.message, 'no window matches [class="nobody"]');
  assert.deepEqual(none.effects, [{ kind: 'message', text: 'no window matches [class="nobody"]' }]);
  const bad = parseCommand('[colour=red] close');
  assert.ok(!bad.ok && /unknown criterion/.test(bad.error));
  const badCommand = parseCommand('[class=x] frobnicate');
  assert.ok(!badCommand.ok && /unknown command/.test(badCommand.error));
});

// i3's commands as Fion's: what maps, what does not (with a reason), and chains.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addClient, createModel, createWorkspace, findClient, focusedWorkspace, setFullscreen, toggleFloating } from '../../src/model/index.js';
import type { Model } from '../../src/model/index.js';
import { executeCommand, parseCommand, type CommandContext } from '../../src/commands/index.js';
import { i3Words, splitI3Commands, translateI3 } from '../../src/ipc/i3commands.js';
import { client, monitor, w } from '../model/support.js';

const model: Model = addClient(createWorkspace(createModel([monitor('A')]), 'web'), client(1));
const fion = (cmd: string): string => {
  const t = translateI3({ modes: ['resize', 'tile'] }, cmd);
  assert.ok(t.ok, `${cmd}: ${t.ok ? '' : t.error}`);
  assert.ok(parseCommand(t.fion).ok, `"${t.fion}" is a Fion command`);
  return t.fion;
};
const ctx: CommandContext = { theme: { barHeight: 20, tabBarHeight: 18 }, resizeStep: 0.1 };
/** The i3 command translated, then run by Fion on `m`. */
const run = (cmd: string, m: Model = model): Model => {
  const r = parseCommand(fion(cmd));
  assert.ok(r.ok && r.targets === undefined);
  return executeCommand(m, r.command, ctx).model;
};
const shown = (m: Model): string => focusedWorkspace(m).name;
const refused = (cmd: string): string => {
  const t = translateI3({ modes: ['resize'] }, cmd);
  assert.ok(!t.ok, `${cmd} should be refused, got ${t.ok ? t.fion : ''}`);
  return t.error;
};

test('splitting a command list and its words', () => {
  assert.deepEqual(splitI3Commands('workspace 2; exec "a;b", nop ; ;'), ['workspace 2', 'exec "a;b"', 'nop']);
  assert.deepEqual(splitI3Commands('[class="a,b"] kill, nop'), ['[class="a,b"] kill', 'nop']);
  assert.deepEqual(i3Words('mode "my \\"mode\\""  x'), ['mode', 'my "mode"', 'x']);
});

test('workspaces: by name or number, made when missing (decided when run, as in i3), next and prev', () => {
  assert.equal(fion('workspace web'), 'workspace open web');
  assert.equal(fion('workspace "my stuff"'), `workspace open 'my stuff'`);
  assert.equal(fion('workspace number 2'), 'workspace open number 2');
  assert.equal(fion('workspace number "3: mail"'), `workspace open number '3: mail'`);
  assert.equal(fion('workspace --no-auto-back-and-forth next'), 'workspace next');
  assert.equal(fion('workspace prev'), 'workspace prev');
  assert.match(refused('workspace number x'), /expected a number/);
  assert.match(refused('workspace next_on_output'), /not tied to outputs/);

  // Run: a name that exists is shown, a missing one is made; a number finds the workspace
  // whose name starts with it.
  assert.equal(shown(run('workspace 1')), '1');
  assert.deepEqual(run('workspace 3').workspaces.map((x) => x.name), ['1', 'web', '3']);
  assert.equal(shown(run('workspace 3')), '3');
  const numbered = run('workspace "7: music"');
  assert.equal(shown(run('workspace number 7', run('workspace 1', numbered))), '7: music');
  assert.equal(shown(run('workspace number 5', numbered)), '5');
  assert.equal(run('workspace web', run('workspace 1')).workspaces.length, 2);
});

test('moving: to a workspace, by direction', () => {
  assert.equal(fion('move container to workspace web'), 'workspace send web');
  assert.equal(fion('move window to workspace number 1'), 'workspace send number 1');
  assert.equal(fion('move to workspace next'), 'workspace move next');
  assert.equal(fion('move left'), 'tab move left');
  assert.equal(fion('move scratchpad'), 'scratchpad move');
  assert.equal(fion('move container to scratchpad'), 'scratchpad move');
  assert.match(refused('move workspace to output HDMI-1'), /outputs/);
  const sent = run('move container to workspace number 1');
  assert.equal(sent.workspaces[0]!.root.kind === 'tile' ? sent.workspaces[0]!.root.tabs.length : -1, 1, 'window 1 went to workspace "1"');
});

test('focus, kill, exec, mode, reload, restart, exit, nop, split, layout, rename', () => {
  assert.equal(fion('focus left'), 'focus left');
  assert.match(refused('focus parent'), /parent/);
  assert.equal(fion('kill'), 'close');
  assert.equal(fion('exec --no-startup-id xterm -e "top"'), `exec /bin/sh -c 'xterm -e "top"'`);
  assert.equal(fion('exec "notify-send hi"'), `exec /bin/sh -c 'notify-send hi'`);
  assert.equal(fion('mode "resize"'), 'mode resize');
  assert.equal(fion('mode default'), 'mode default');
  assert.match(refused('mode nosuch'), /no mode named "nosuch"/);
  for (const c of ['reload', 'restart', 'exit', 'nop']) assert.equal(fion(c), c);
  assert.equal(fion('nop a comment'), 'nop');
  assert.equal(fion('split h'), 'tile split vertical');
  assert.equal(fion('split vertical'), 'tile split horizontal');
  assert.equal(fion('layout tabbed'), 'nop');
  assert.match(refused('layout splitv'), /tabs/);
  assert.equal(fion('rename workspace to mail'), 'workspace rename mail');
  assert.equal(fion('rename workspace web to mail'), 'workspace rename_from web mail');
  assert.deepEqual(run('rename workspace 1 to "my mail"').workspaces.map((x) => x.name), ['my mail', 'web']);
  assert.match(run('rename workspace nosuch to mail').message ?? '', /no workspace named "nosuch"/);
});

test('fullscreen and floating follow the window\'s state when they run', () => {
  assert.equal(fion('fullscreen'), 'tab fullscreen');
  assert.equal(fion('fullscreen enable'), 'tab fullscreen enable');
  assert.equal(fion('fullscreen disable'), 'tab fullscreen disable');
  assert.equal(fion('floating enable'), 'tab float enable');
  assert.equal(fion('floating toggle'), 'tab float');
  assert.match(refused('floating sideways'), /enable, disable or toggle/);
  assert.match(refused('fullscreen global'), /one monitor/);
  const full = (m: Model): boolean => m.clients.get(w(1))?.fullscreen === true;
  const floats = (m: Model): boolean => findClient(m, w(1))?.floating === true;
  assert.equal(full(run('fullscreen enable')), true);
  assert.equal(full(run('fullscreen disable')), false);
  assert.equal(full(run('fullscreen enable', setFullscreen(model, w(1), 'add'))), true, 'enable keeps it fullscreen');
  assert.equal(full(run('fullscreen disable', setFullscreen(model, w(1), 'add'))), false);
  assert.equal(floats(run('floating enable')), true);
  assert.equal(floats(run('floating enable', toggleFloating(model))), true, 'enable keeps a float floating');
  assert.equal(floats(run('floating disable', toggleFloating(model))), false);
  assert.equal(floats(run('floating toggle', toggleFloating(model))), false);
  assert.equal(run('fullscreen', createModel([monitor('A')])).clients.size, 0, 'no window: nothing happens');
});

test('the scratchpad and sticky floats', () => {
  assert.equal(fion('scratchpad show'), 'scratchpad show');
  for (const how of ['enable', 'disable', 'toggle']) assert.equal(fion(`sticky ${how}`), `sticky ${how}`);
  assert.match(refused('scratchpad hide'), /scratchpad/);
});

test('criteria, marks and the rest are refused with their reason, never a silent success', () => {
  assert.equal(fion('[class="nobody"] move left'), '[class="nobody"] tab move left');
  assert.equal(fion('mark foo'), 'mark foo');
  assert.equal(fion('mark --add --toggle "a b"'), "mark --add --toggle 'a b'");
  assert.equal(fion('unmark'), 'unmark');
  assert.equal(fion('move container to mark foo'), 'move window to mark foo');
  assert.equal(fion('resize grow width 10 px'), 'tile grow width 10 px');
  assert.match(refused('sticky sometimes'), /sticky/);
  assert.match(refused('frobnicate'), /unknown command "frobnicate"/);
  assert.match(refused(''), /empty/);
});

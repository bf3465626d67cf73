// i3's commands as Fion's: what maps, what does not (with a reason), and chains.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addClient, createModel, createWorkspace, setFullscreen, toggleFloating } from '../../src/model/index.js';
import type { Model } from '../../src/model/index.js';
import { parseCommand } from '../../src/commands/index.js';
import { i3Words, splitI3Commands, translateI3 } from '../../src/ipc/i3commands.js';
import { client, monitor, w } from '../model/support.js';

let model: Model = addClient(createWorkspace(createModel([monitor('A')]), 'web'), client(1));
const fion = (cmd: string, m: Model = model): string => {
  const t = translateI3({ model: m, modes: ['resize', 'tile'] }, cmd);
  assert.ok(t.ok, `${cmd}: ${t.ok ? '' : t.error}`);
  assert.ok(parseCommand(t.fion).ok, `"${t.fion}" is a Fion command`);
  return t.fion;
};
const refused = (cmd: string, m: Model = model): string => {
  const t = translateI3({ model: m, modes: ['resize'] }, cmd);
  assert.ok(!t.ok, `${cmd} should be refused, got ${t.ok ? t.fion : ''}`);
  return t.error;
};

test('splitting a command list and its words', () => {
  assert.deepEqual(splitI3Commands('workspace 2; exec "a;b", nop ; ;'), ['workspace 2', 'exec "a;b"', 'nop']);
  assert.deepEqual(splitI3Commands('[class="a,b"] kill, nop'), ['[class="a,b"] kill', 'nop']);
  assert.deepEqual(i3Words('mode "my \\"mode\\""  x'), ['mode', 'my "mode"', 'x']);
});

test('workspaces: by name (made when missing, as in i3), by number, next and prev', () => {
  assert.equal(fion('workspace web'), 'workspace goto 2');
  assert.equal(fion('workspace 1'), 'workspace goto 1');
  assert.equal(fion('workspace 3'), 'workspace create 3');
  assert.equal(fion('workspace "my stuff"'), `workspace create 'my stuff'`);
  assert.equal(fion('workspace number 2'), 'workspace goto 2');
  assert.equal(fion('workspace number 7'), 'workspace create 7');
  assert.equal(fion('workspace --no-auto-back-and-forth next'), 'workspace next');
  assert.equal(fion('workspace prev'), 'workspace prev');

  assert.match(refused('workspace next_on_output'), /not tied to outputs/);
});

test('moving: to a workspace, by direction', () => {
  assert.equal(fion('move container to workspace web'), 'workspace send web');
  assert.equal(fion('move window to workspace number 1'), 'workspace send 1');
  assert.equal(fion('move to workspace next'), 'workspace move next');
  assert.equal(fion('move left'), 'tab move left');
  assert.equal(fion('move scratchpad'), 'scratchpad move');
  assert.equal(fion('move container to scratchpad'), 'scratchpad move');
  assert.match(refused('move workspace to output HDMI-1'), /outputs/);
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
  assert.equal(fion('rename workspace web to mail'), 'workspace rename mail');
  assert.match(refused('rename workspace 1 to mail'), /focused workspace only/);
});

test('fullscreen and floating follow the focused window\'s state', () => {
  assert.equal(fion('fullscreen'), 'tab fullscreen');
  assert.equal(fion('fullscreen enable'), 'tab fullscreen');
  assert.equal(fion('fullscreen disable'), 'nop');
  assert.equal(fion('fullscreen disable', setFullscreen(model, w(1), 'add')), 'tab fullscreen');
  assert.equal(fion('floating enable'), 'tab float');
  assert.equal(fion('floating enable', toggleFloating(model)), 'nop');
  assert.equal(fion('floating toggle', toggleFloating(model)), 'tab float');
  assert.match(refused('floating sideways'), /enable, disable or toggle/);
  assert.match(refused('fullscreen', createModel([monitor('A')])), /no window/);
});

test('the scratchpad and sticky floats', () => {
  assert.equal(fion('scratchpad show'), 'scratchpad show');
  for (const how of ['enable', 'disable', 'toggle']) assert.equal(fion(`sticky ${how}`), `sticky ${how}`);
  assert.match(refused('scratchpad hide'), /scratchpad/);
});

test('criteria, marks and the rest are refused with their reason, never a silent success', () => {
  assert.match(refused('[class="nobody"] move left'), /no window matches/);
  assert.equal(fion('mark foo'), 'mark foo');
  assert.equal(fion('mark --add --toggle "a b"'), "mark --add --toggle 'a b'");
  assert.equal(fion('unmark'), 'unmark');
  assert.equal(fion('move container to mark foo'), 'move window to mark foo');
  assert.equal(fion('resize grow width 10 px'), 'tile grow width 10 px');
  assert.match(refused('sticky sometimes'), /sticky/);
  assert.match(refused('frobnicate'), /unknown command "frobnicate"/);
  assert.match(refused(''), /empty/);
  model = model; // the shared model is never changed by translation
});

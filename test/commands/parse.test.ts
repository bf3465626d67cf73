import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCommand, parseCommand, parseCommands, splitWords } from '../../src/commands/index.js';
import type { Command } from '../../src/commands/index.js';

function parsed(text: string): Command {
  const r = parseCommand(text);
  if (!r.ok) assert.fail(`"${text}" failed: ${r.error}`);
  return r.command;
}

function error(text: string): string {
  const r = parseCommand(text);
  if (r.ok) assert.fail(`"${text}" parsed as ${JSON.stringify(r.command)}`);
  return r.error;
}

test('simple verbs', () => {
  for (const verb of ['terminal', 'exit', 'restart', 'reload', 'nop'] as const) {
    assert.deepEqual(parsed(verb), { verb });
    assert.deepEqual(parsed(`  ${verb}  `), { verb });
    assert.equal(error(`${verb} now`), `${verb}: unexpected "now"`);
  }
  assert.deepEqual(parsed(' close '), { verb: 'close', window: null });
  assert.deepEqual(parsed('close 0x40000a'), { verb: 'close', window: 0x40000a });
  assert.deepEqual(parsed('close 4194314'), { verb: 'close', window: 0x40000a });
  assert.equal(error('close now'), 'close: expected a window id such as 0x400001, got "now"');
  assert.equal(error('close 0x1 2'), 'close: unexpected "2"');
  assert.deepEqual(parsed('mode resize'), { verb: 'mode', name: 'resize' });
  assert.equal(error('mode'), 'mode: expected a mode name');
  assert.equal(error('mode a b'), 'mode: unexpected "b"');
});

test('exec splits arguments like a shell, without a shell', () => {
  assert.deepEqual(parsed('exec rofi -show run'), { verb: 'exec', argv: ['rofi', '-show', 'run'] });
  assert.deepEqual(parsed(`exec sh -c 'echo "hi there"; ls'`), { verb: 'exec', argv: ['sh', '-c', 'echo "hi there"; ls'] });
  assert.deepEqual(parsed('exec notify-send "a \\"b\\" c"'), { verb: 'exec', argv: ['notify-send', 'a "b" c'] });
  assert.deepEqual(parsed(`exec x ''`), { verb: 'exec', argv: ['x', ''] });
  assert.deepEqual(parsed('exec a\\ b'), { verb: 'exec', argv: ['a b'] });
  assert.equal(error('exec'), 'exec: expected a program to run');
  assert.equal(error(`exec 'oops`), "unterminated quote '");
  assert.equal(error('exec "oops'), 'unterminated quote "');
});

test('workspace', () => {
  assert.deepEqual(parsed('workspace next'), { verb: 'workspace', action: 'next' });
  assert.deepEqual(parsed('workspace prev'), { verb: 'workspace', action: 'prev' });
  assert.deepEqual(parsed('workspace destroy'), { verb: 'workspace', action: 'destroy' });
  assert.deepEqual(parsed('workspace create'), { verb: 'workspace', action: 'create', name: null });
  assert.deepEqual(parsed('workspace create web'), { verb: 'workspace', action: 'create', name: 'web' });
  assert.deepEqual(parsed('workspace goto 12'), { verb: 'workspace', action: 'goto', number: 12, stay: false });
  assert.deepEqual(parsed('workspace goto 2 --no-auto-back-and-forth'), { verb: 'workspace', action: 'goto', number: 2, stay: true });
  assert.deepEqual(parsed('workspace rename my  stuff'), { verb: 'workspace', action: 'rename', name: 'my stuff' });
  assert.deepEqual(parsed(`workspace rename 'my  stuff'`), { verb: 'workspace', action: 'rename', name: 'my  stuff' });
  assert.deepEqual(parsed('workspace move prev'), { verb: 'workspace', action: 'move', to: 'prev' });
  assert.deepEqual(parsed('workspace open my stuff'), { verb: 'workspace', action: 'open', stay: false, target: { byNumber: false, name: 'my stuff' } });
  assert.deepEqual(parsed('workspace open --no-auto-back-and-forth number 2'), { verb: 'workspace', action: 'open', stay: true, target: { byNumber: true, name: '2' } });
  assert.deepEqual(parsed('workspace open number 2: mail'), { verb: 'workspace', action: 'open', stay: false, target: { byNumber: true, name: '2: mail' } });
  assert.deepEqual(parsed('workspace open number'), { verb: 'workspace', action: 'open', stay: false, target: { byNumber: false, name: 'number' } });
  assert.deepEqual(parsed('workspace send number 3'), { verb: 'workspace', action: 'send', target: { byNumber: true, name: '3' } });
  assert.deepEqual(parsed('workspace rename_from web my mail'), { verb: 'workspace', action: 'rename_from', old: 'web', name: 'my mail' });
  assert.equal(error('workspace open'), 'workspace open: expected a workspace name');
  assert.equal(error('workspace open number web'), 'workspace open number: expected a number, got "web"');
  assert.equal(error('workspace'), 'workspace: expected one of next, prev, back_and_forth, create, destroy, goto, open, rename, rename_from, move, send');
  assert.equal(error('workspace jump'), 'workspace: expected one of next, prev, back_and_forth, create, destroy, goto, open, rename, rename_from, move, send, got "jump"');
  assert.equal(error('workspace goto'), 'workspace goto: expected a number');
  assert.equal(error('workspace goto 0'), 'workspace goto: expected a positive whole number, got "0"');
  assert.equal(error('workspace goto two'), 'workspace goto: expected a positive whole number, got "two"');
  assert.equal(error('workspace goto 2 3'), 'workspace goto: expected "--no-auto-back-and-forth" or nothing, got "3"');
  assert.equal(error('workspace rename'), 'workspace rename: expected a name');
  assert.equal(error('workspace move'), 'workspace move: expected one of next, prev');
  assert.equal(error('workspace next 2'), 'workspace next: unexpected "2"');
});

test('tile', () => {
  assert.deepEqual(parsed('tile next'), { verb: 'tile', action: 'next' });
  assert.deepEqual(parsed('tile kill'), { verb: 'tile', action: 'kill' });
  for (const how of ['horizontal', 'vertical', 'auto'] as const) assert.deepEqual(parsed(`tile split ${how}`), { verb: 'tile', action: 'split', how });
  for (const direction of ['left', 'right', 'up', 'down'] as const) {
    assert.deepEqual(parsed(`tile resize ${direction}`), { verb: 'tile', action: 'resize', direction });
  }
  assert.deepEqual(parsed('tile move next'), { verb: 'tile', action: 'move', to: 'next' });
  assert.equal(error('tile'), 'tile: expected one of next, prev, split, kill, resize, grow, shrink, move');
  assert.equal(error('tile split'), 'tile split: expected one of horizontal, vertical, auto');
  assert.equal(error('tile split diagonal'), 'tile split: expected one of horizontal, vertical, auto, got "diagonal"');
  assert.equal(error('tile resize'), 'tile resize: expected one of left, right, up, down');
  assert.equal(error('tile resize left 10'), 'tile resize: unexpected "10"');
  assert.equal(error('tile move up'), 'tile move: expected one of next, prev, got "up"');
});

test('tab', () => {
  for (const action of ['next', 'prev', 'close', 'new'] as const) assert.deepEqual(parsed(`tab ${action}`), { verb: 'tab', action });
  for (const action of ['float', 'fullscreen'] as const) {
    assert.deepEqual(parsed(`tab ${action}`), { verb: 'tab', action, how: 'toggle' });
    assert.deepEqual(parsed(`tab ${action} disable`), { verb: 'tab', action, how: 'disable' });
  }
  assert.deepEqual(parsed('tab move prev'), { verb: 'tab', action: 'move', to: 'prev' });
  assert.equal(error('tab'), 'tab: expected one of next, prev, move, close, new, float, fullscreen');
  assert.equal(error('tab move'), 'tab move: expected one of next, prev, left, right, up, down');
  assert.equal(error('tab float on'), 'tab float: expected one of enable, disable, toggle or nothing, got "on"');
  assert.equal(error('tab float enable now'), 'tab float: unexpected "now"');
});

test('focus', () => {
  assert.deepEqual(parsed('focus urgent'), { verb: 'focus', action: 'urgent' });
  assert.deepEqual(parsed('focus left'), { verb: 'focus', action: 'left' });
  assert.deepEqual(parsed('focus window 0x1f'), { verb: 'focus', action: 'window', id: 31 });
  assert.equal(error('focus'), 'focus: expected one of urgent, left, right, up, down, floating, tiling, mode_toggle, window');
  assert.equal(error('focus west'), 'focus: expected one of urgent, left, right, up, down, floating, tiling, mode_toggle, window, got "west"');
  assert.equal(error('focus urgent now'), 'focus urgent: unexpected "now"');
});

test('unknown and empty commands; case matters', () => {
  assert.equal(error('foo'), 'unknown command "foo"');
  assert.equal(error('Tile next'), 'unknown command "Tile"');
  assert.equal(error('tile Next'), 'tile: expected one of next, prev, split, kill, resize, grow, shrink, move, got "Next"');
  assert.equal(error(''), 'empty command');
  assert.equal(error('   '), 'empty command');
});

test('parseCommands splits on ; outside quotes', () => {
  assert.deepEqual(parseCommands('tile split vertical; terminal'), {
    ok: true,
    commands: [{ verb: 'tile', action: 'split', how: 'vertical' }, { verb: 'terminal' }],
  });
  assert.deepEqual(parseCommands(`exec sh -c 'a; b'; nop;`), {
    ok: true,
    commands: [{ verb: 'exec', argv: ['sh', '-c', 'a; b'] }, { verb: 'nop' }],
  });
  assert.deepEqual(parseCommands('nop; bogus'), { ok: false, error: 'command 2: unknown command "bogus"' });
  assert.deepEqual(parseCommands('bogus'), { ok: false, error: 'unknown command "bogus"' });
  assert.deepEqual(parseCommands(' ; '), { ok: false, error: 'empty command' });
});

test('splitWords joins adjacent quoted parts', () => {
  assert.deepEqual(splitWords(`a'b c'"d"e  f`), { ok: true, words: ['ab cde', 'f'] });
});

test('prompt COMMAND: the command the typed text completes', () => {
  const r = parseCommand('prompt workspace rename');
  assert.deepEqual(r, { ok: true, command: { verb: 'prompt', command: 'workspace rename' } });
  assert.equal(formatCommand((r as { command: Parameters<typeof formatCommand>[0] }).command), 'prompt workspace rename');
  assert.match((parseCommand('prompt') as { error: string }).error, /expected the command/);
  assert.match((parseCommand('prompt frobnicate') as { error: string }).error, /unknown command/);
});

test('monitor', () => {
  assert.deepEqual(parsed('monitor next'), { verb: 'monitor', action: 'next' });
  assert.deepEqual(parsed('monitor prev'), { verb: 'monitor', action: 'prev' });
  assert.deepEqual(parsed('monitor move next'), { verb: 'monitor', action: 'move', to: 'next' });
  assert.deepEqual(parsed('monitor workspace prev'), { verb: 'monitor', action: 'workspace', to: 'prev' });
  assert.equal(error('monitor'), 'monitor: expected one of next, prev, move, workspace');
  assert.equal(error('monitor move'), 'monitor move: expected one of next, prev');
  assert.equal(error('monitor next now'), 'monitor next: unexpected "now"');
});

test('bar show|hide|toggle, optionally for all monitors', () => {
  assert.deepEqual(parsed('bar toggle'), { verb: 'bar', action: 'toggle', all: false });
  assert.deepEqual(parsed('bar hide all'), { verb: 'bar', action: 'hide', all: true });
  assert.equal(formatCommand(parsed('bar show all')), 'bar show all');
  assert.match(error('bar'), /bar: expected one of show, hide, toggle/);
  assert.match(error('bar hide some'), /expected "all"/);
  assert.match(error('bar hide all now'), /unexpected "now"/);
});

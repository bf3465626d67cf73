import { test } from 'node:test';
import assert from 'node:assert/strict';
import { executeCommand, executeCommands, parseCommand, parseCommands } from '../../src/commands/index.js';
import type { Command, CommandContext, Outcome } from '../../src/commands/index.js';
import { addClient, createModel, focusedClient, focusedWorkspace, refuse, updateClient, windowId } from '../../src/model/index.js';
import type { Model, Split } from '../../src/model/index.js';
import { client, monitor, shownNames, wsShape } from '../model/support.js';

const ctx: CommandContext = { theme: { barHeight: 20, tabBarHeight: 18 }, resizeStep: 0.1 };

function cmd(text: string): Command {
  const r = parseCommand(text);
  if (!r.ok) throw new Error(r.error);
  return r.command;
}

const run = (model: Model, text: string): Outcome => executeCommand(model, cmd(text), ctx);

function twoClients(): Model {
  return addClient(addClient(createModel([monitor('A')]), client(1)), client(2));
}

test('effects for what the model cannot do', () => {
  const m = twoClients();
  assert.deepEqual(run(m, 'terminal'), { model: m, effects: [{ kind: 'terminal' }] });
  assert.deepEqual(run(m, 'tab new').effects, [{ kind: 'terminal' }]);
  assert.deepEqual(run(m, `exec rofi -show 'run x'`).effects, [{ kind: 'spawn', argv: ['rofi', '-show', 'run x'] }]);
  assert.deepEqual(run(m, 'exit').effects, [{ kind: 'exit' }]);
  assert.deepEqual(run(m, 'restart').effects, [{ kind: 'restart' }]);
  assert.deepEqual(run(m, 'reload').effects, [{ kind: 'reload' }]);
  assert.deepEqual(run(m, 'mode resize').effects, [{ kind: 'mode', name: 'resize' }]);
  assert.deepEqual(run(m, 'nop'), { model: m, effects: [] });
});

test('close asks the X side; the model is unchanged', () => {
  const m = twoClients();
  assert.deepEqual(run(m, 'close'), { model: m, effects: [{ kind: 'close', window: 2 }] });
  assert.deepEqual(run(m, 'tab close'), { model: m, effects: [{ kind: 'close', window: 2 }] });
  const empty = createModel([monitor('A')]);
  assert.deepEqual(run(empty, 'close'), { model: empty, effects: [] });
  assert.deepEqual(run(m, 'close 1').effects, [{ kind: 'close', window: 1 }], 'a window by its id');
  assert.match(run(m, 'close 0x99').model.message ?? '', /no window 0x99/);
});

test('focus window ID focuses that window, showing its workspace', () => {
  const m = twoClients();
  assert.equal(focusedClient(run(m, 'focus window 1').model), 1);
  assert.match(run(m, 'focus window 0x99').model.message ?? '', /no window 0x99/);
});

test('tile, tab and workspace commands drive the model', () => {
  let m = twoClients();
  m = run(m, 'tab next').model;
  assert.equal(focusedClient(m), 1);
  m = run(m, 'tile split vertical').model;
  assert.equal(wsShape(m), 'row(#2[1*,2] #3)');
  m = run(m, 'tile prev').model;
  m = run(m, 'tile move next').model;
  assert.equal(wsShape(m), 'row(#2[2*] #3[1*])');
  m = run(m, 'tab move prev').model;
  assert.equal(wsShape(m), 'row(#2[2,1*] #3)');
  m = run(m, 'tile resize right').model;
  assert.ok(Math.abs((focusedWorkspace(m).root as Split).ratios[0]! - 0.6) < 1e-9);
  m = run(m, 'tile kill').model;
  assert.equal(wsShape(m), '#3[2,1*]');
  m = run(m, 'workspace create web').model;
  m = run(m, 'workspace rename www').model;
  assert.deepEqual(shownNames(m), ['www']);
  m = run(m, 'workspace prev').model;
  m = run(m, 'workspace move next').model;
  assert.equal(wsShape(m), '#3[2*]');
  m = run(m, 'workspace goto 2').model;
  assert.equal(focusedClient(m), 1);
  m = run(m, 'workspace destroy').model;
  assert.deepEqual(shownNames(m), ['1']);
  assert.equal(wsShape(m), '#3[2*,1]');
  m = run(m, 'workspace next').model;
  assert.deepEqual(shownNames(m), ['1']);
});

test('tile split auto uses the focused tile\'s rectangle', () => {
  let m = createModel([monitor('A', { width: 1000, height: 800 })]);
  m = run(m, 'tile split auto').model; // 1000x780: side by side
  assert.equal(wsShape(m), 'row(#2 #3)');
  m = run(m, 'tile split auto').model; // 500x780: stacked
  assert.equal(wsShape(m), 'row(#2 column(#3 #5))');
});

test('splits and resizes respect the pixel minimum', () => {
  let m = createModel([monitor('A', { width: 200, height: 800 })]);
  m = run(m, 'tile split vertical').model; // 100 px each
  const refused = run(m, 'tile split vertical'); // 50 px >= 40: fine
  assert.equal(refused.model.message, null);
  const again = run(refused.model, 'tile split vertical'); // 25 px < 40
  assert.equal(again.model.message, 'tile too small to split');
  assert.deepEqual(again.effects, [{ kind: 'message', text: 'tile too small to split' }]);
  let r = run(m, 'tile resize left').model; // #3 grows left by 0.1 then 0.1 ...
  for (let i = 0; i < 10; i++) r = run(r, 'tile resize left').model;
  const ratios = (focusedWorkspace(r).root as Split).ratios;
  assert.ok(Math.abs(ratios[0]! - 0.2) < 1e-9, `left tile kept at 40 px: ${ratios}`);
});

test('a refusal sets the message and reports it; the next command clears it', () => {
  const m = createModel([monitor('A')]);
  const out = run(m, 'tile kill');
  assert.equal(out.model.message, "can't kill the last tile");
  assert.deepEqual(out.effects, [{ kind: 'message', text: "can't kill the last tile" }]);
  assert.equal(run(out.model, 'nop').model.message, null);
  assert.equal(run(refuse(m, 'old'), 'workspace goto 9').model.message, 'no workspace 9');
});

test('executeCommands runs in order and collects effects', () => {
  const parsed = parseCommands('tile split vertical; terminal; tile kill; tile kill');
  assert.ok(parsed.ok);
  const out = executeCommands(createModel([monitor('A')]), parsed.commands, ctx);
  assert.equal(wsShape(out.model), '#2');
  assert.deepEqual(out.effects, [{ kind: 'terminal' }, { kind: 'message', text: "can't kill the last tile" }]);
});

test('tab float toggles the focused client; tile and tab commands then act on the tiles', () => {
  let m = twoClients();
  m = run(m, 'tab float').model;
  assert.deepEqual(focusedWorkspace(m).floating, [2]);
  assert.equal(focusedClient(m), 2);
  assert.deepEqual(run(m, 'close').effects, [{ kind: 'close', window: 2 }], 'close closes the focused float');
  const tiles = run(m, 'tile next').model;
  assert.equal(focusedClient(tiles), 1);
  assert.deepEqual(focusedWorkspace(tiles).floating, [2]);
  m = run(m, 'tab float').model;
  assert.deepEqual(focusedWorkspace(m).floating, []);
  assert.equal(wsShape(m), '#2[1,2*]');
  const empty = createModel([monitor('A')]);
  assert.deepEqual(run(empty, 'tab float'), { model: empty, effects: [] });
});

test('tab fullscreen toggles the focused client\'s fullscreen state', () => {
  let m = twoClients();
  m = run(m, 'tab fullscreen').model;
  assert.equal(m.clients.get(focusedClient(m)!)!.fullscreen, true);
  m = run(m, 'tab fullscreen').model;
  assert.equal(m.clients.get(focusedClient(m)!)!.fullscreen, false);
  const empty = createModel([monitor('A')]);
  assert.deepEqual(run(empty, 'tab fullscreen'), { model: empty, effects: [] });
});

test('focus urgent jumps to the urgent client, or says there is none', () => {
  let m = twoClients();
  m = run(m, 'workspace create').model;
  const none = run(m, 'focus urgent');
  assert.deepEqual(none.effects, [{ kind: 'message', text: 'no urgent window' }]);
  m = updateClient(m, windowId(1), { urgent: true });
  m = run(m, 'focus urgent').model;
  assert.deepEqual(shownNames(m), ['1']);
  assert.equal(focusedClient(m), 1);
  assert.equal(m.message, null);
});

test('float above|below [toggle] and float normal set the focused float\'s layer', () => {
  let m = run(twoClients(), 'tab float').model;
  const layer = (x: Model): string => {
    const c = x.clients.get(windowId(2))!;
    return c.above === true ? 'above' : c.below === true ? 'below' : 'normal';
  };
  m = run(m, 'float above').model;
  assert.equal(layer(m), 'above');
  assert.equal(layer(run(m, 'float above').model), 'above', 'without toggle it stays set');
  assert.equal(layer(run(m, 'float above toggle').model), 'normal');
  m = run(m, 'float below').model;
  assert.equal(layer(m), 'below', 'below clears above');
  assert.equal(layer(run(m, 'float below toggle').model), 'normal');
  assert.equal(layer(run(m, 'float above toggle').model), 'above');
  assert.equal(layer(run(m, 'float normal').model), 'normal');
  const tiled = twoClients();
  const r = run(tiled, 'float above');
  assert.equal(r.model.clients.get(windowId(2))?.above, undefined, 'a tiled window has no layer');
});

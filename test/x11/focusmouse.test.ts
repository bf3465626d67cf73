// Focus follows the mouse (mouse.focus_follows): the pointer moving into a window focuses
// it; a window moving under a still pointer does not. Off (the default), the pointer
// focuses nothing by itself.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { runTool } from '../harness/clients.js';
import { runCli } from '../harness/fion.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor, sleep } from '../harness/wait.js';
import { TinyClient } from '../harness/tinyclient.js';
import { EventMask } from '../../src/x/protocol.js';

let s: Session;
const dir = tempDir('fion-ffm-');
const config = join(dir, 'config.yaml');
const env = { XDG_RUNTIME_DIR: dir };
let tiled: TinyClient;
let float: TinyClient;

before(async () => {
  writeFileSync(config, 'mouse:\n  focus_follows: false\n');
  s = await openSession({ fion: { env, args: ['--config', config] } });
  tiled = await TinyClient.open(s.display, { title: 'tiled' });
  float = await TinyClient.open(s.display, { title: 'float', geometry: { x: 0, y: 0, width: 200, height: 150 } });
  await s.obs.sync();
  await msg('tab', 'float');
});
after(async () => { await tiled.close(); await float.close(); await s.close(); });

async function msg(...words: string[]): Promise<void> {
  const r = await runCli(['msg', '--display', s.display, ...words], env);
  assert.equal(r.code, 0, `fion msg ${words.join(' ')}: ${r.stderr}`);
  await s.obs.sync();
}
async function pointerTo(x: number, y: number): Promise<void> {
  const r = await runTool(s.display, 'xdotool', ['mousemove', String(x), String(y)]);
  assert.equal(r.code, 0, r.stderr);
  await s.obs.sync();
}
const focus = (): Promise<number> => s.obs.focus();

test('off: the pointer moving into another window leaves the focus where it is', async () => {
  const f = (await s.obs.geometry(float.window))!;
  assert.equal(await focus(), float.window);
  await pointerTo(20, 300); // on the tiled window, beside the float
  await pointerTo(30, 310);
  await sleep(200);
  await s.obs.sync();
  assert.equal(await focus(), float.window);
  await pointerTo(f.x + 10, f.y + 10);
});

test('on: moving into a window focuses it; a window moved under a still pointer does not', async () => {
  writeFileSync(config, 'mouse:\n  focus_follows: true\n');
  await msg('reload');
  const f = (await s.obs.geometry(float.window))!;
  await pointerTo(f.x + f.width + 40, f.y + 10); // onto the tiled window
  await waitFor('the tiled window focused by the pointer', async () => (await focus()) === tiled.window);
  // The float places itself under the still pointer: it gets no focus.
  float.x.sendClientMessage(s.obs.root(), float.window, float.atoms._NET_MOVERESIZE_WINDOW, [(1 << 8) | (1 << 9), f.x + f.width, f.y, 0, 0],
    EventMask.SubstructureRedirect | EventMask.SubstructureNotify);
  await float.x.sync();
  await waitFor('the float under the pointer', async () => (await s.obs.geometry(float.window))!.x === f.x + f.width);
  await sleep(200);
  await s.obs.sync();
  assert.equal(await focus(), tiled.window, 'a window moving under the pointer takes no focus');
  // Real motion out and back in: now it does.
  await pointerTo(f.x + f.width + 250, f.y + 200);
  await pointerTo(f.x + f.width + 40, f.y + 20);
  await waitFor('the float focused by the pointer', async () => (await focus()) === float.window);
});

// Bindings are keysyms, not keycodes: after a keyboard layout switch the
// same binding works on whatever key now types its keysym.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { key, runTool } from '../harness/clients.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';

let s: Session;
before(async () => {
  const config = join(tempDir('fion-keyboard-'), 'config.yaml');
  writeFileSync(config, 'bindings:\n  super+z: tile split vertical\n  super+y: workspace create\n');
  s = await openSession({ fion: { args: ['--config', config] } });
});
after(async () => { await s.close(); });

test('after setxkbmap moves a bound key, the binding follows its keysym', async () => {
  const keycodeOf = async (sym: string): Promise<number> => {
    const r = await runTool(s.display, 'xmodmap', ['-pke']);
    const line = r.stdout.split('\n').find((l) => new RegExp(`= ${sym} `).test(`${l} `));
    assert.ok(line, `a key types ${sym}`);
    return Number(/keycode\s+(\d+)/.exec(line)![1]);
  };
  const zBefore = await keycodeOf('z');
  const r = await runTool(s.display, 'setxkbmap', ['de']);
  assert.equal(r.code, 0, r.stderr);
  await s.obs.sync();
  const zAfter = await keycodeOf('z');
  assert.notEqual(zAfter, zBefore, 'the German layout moves z to another key');
  // xdotool types by keysym in the current layout: the key that now types z.
  await key(s.display, 'super+z');
  await s.obs.sync();
  await waitFor('the split', async () => /tile 2\/2/.test(await s.obs.barText()), 15000);
  assert.match(await s.obs.barText(), /^\[1\] \|/, 'super+y (on the old z key) did not fire instead');
  await key(s.display, 'super+y');
  await s.obs.sync();
  await waitFor('a new workspace', async () => /^1 \[2\] \|/.test(await s.obs.barText()));
});

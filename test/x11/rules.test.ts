// Config rules by WM_CLASS: "class=Gimp -> float", "class=Firefox -> workspace 2".
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { TinyClient } from '../harness/tinyclient.js';
import { tempDir } from '../harness/tmp.js';

let s: Session;
const open: TinyClient[] = [];
before(async () => {
  const config = join(tempDir('fion-rules-'), 'config.yaml');
  writeFileSync(config, 'rules:\n  - class: Floaty\n    float: true\n  - class: Mailer\n    workspace: mail\n');
  s = await openSession({ fion: { args: ['--config', config] } });
});
after(async () => { for (const c of open) await c.close(); await s.close(); });

test('a float rule floats a window at its own size', async () => {
  const c = await TinyClient.open(s.display, { title: 'floaty', class: 'Floaty', geometry: { x: 0, y: 0, width: 333, height: 222 } });
  open.push(c);
  await s.obs.sync();
  const g = (await s.obs.geometry(c.window))!;
  assert.deepEqual([g.width, g.height], [333, 222]);
});

test('a workspace rule sends the window to that workspace, created when missing, without switching', async () => {
  const c = await TinyClient.open(s.display, { title: 'mail client', class: 'Mailer' });
  open.push(c);
  await s.obs.sync();
  assert.match(await s.obs.barText(), /^\[1\] 2:mail \|/, 'still on workspace 1, now one of two');
  assert.equal(await s.obs.mapState(c.window), 'unmapped');
  assert.match(await s.obs.text(s.obs.root(), '_NET_DESKTOP_NAMES') ?? '', /mail/);
  assert.deepEqual(await s.obs.cardinals(c.window, '_NET_WM_DESKTOP'), [1]);
});

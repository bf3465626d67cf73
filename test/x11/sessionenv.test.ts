// Fion hands _JAVA_AWT_WM_NONREPARENTING, XDG_CURRENT_DESKTOP and XDG_SESSION_TYPE to the session's D-Bus and systemd activation
// environments at start-up (for Java programs it does not start), through
// dbus-update-activation-environment: fire and forget, never in the way of starting.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../harness/tmp.js';
import { openSession, type Session } from '../harness/session.js';
import { waitFor } from '../harness/wait.js';

const dir = tempDir('fion-sessionenv-');
let s: Session | null = null;
after(async () => { await s?.close(); });

/** A fake dbus-update-activation-environment in a bin folder of its own: records its
 *  arguments and the variable it was given to `record`, then runs `then`. */
function fakeBin(name: string, then = ''): { path: string; record: string } {
  const bin = join(dir, name);
  mkdirSync(bin);
  const record = join(dir, `${name}.record`);
  const script = join(bin, 'dbus-update-activation-environment');
  writeFileSync(script, `#!/bin/sh\necho "$* | $_JAVA_AWT_WM_NONREPARENTING" > '${record}'\n${then}\n`);
  chmodSync(script, 0o755);
  return { path: `${bin}:${process.env.PATH ?? ''}`, record };
}
const BUS = 'unix:path=/nonexistent-fion-test-bus';

async function start(env: NodeJS.ProcessEnv): Promise<Session> {
  await s?.close();
  s = await openSession({ fion: { env } });
  return s;
}

test('with a session bus, Fion runs dbus-update-activation-environment --systemd with its session variables', async () => {
  const fake = fakeBin('plain');
  await start({ PATH: fake.path, DBUS_SESSION_BUS_ADDRESS: BUS });
  await waitFor('the fake to be run', () => existsSync(fake.record), 5000);
  assert.equal(readFileSync(fake.record, 'utf8'), '--systemd _JAVA_AWT_WM_NONREPARENTING XDG_CURRENT_DESKTOP XDG_SESSION_TYPE | 1\n');
});

test('one that hangs does not hold Fion up; without a session bus it is not run at all', async () => {
  const hangs = fakeBin('hangs', `echo $$ > '${join(dir, 'hangs.pid')}'; exec sleep 30`);
  const session = await start({ PATH: hangs.path, DBUS_SESSION_BUS_ADDRESS: BUS });
  await waitFor('the fake to be run', () => existsSync(join(dir, 'hangs.pid')), 5000);
  const pid = Number(readFileSync(join(dir, 'hangs.pid'), 'utf8'));
  // Fion is managing the display while the program still hangs.
  assert.match(await session.obs.barText(), /tile 1\/1/, 'Fion runs');
  assert.doesNotThrow(() => process.kill(pid, 0), 'still hanging');
  process.kill(pid, 'SIGKILL');
  const unused = fakeBin('unused');
  const quiet = await start({ PATH: unused.path, DBUS_SESSION_BUS_ADDRESS: '' });
  await quiet.obs.sync();
  assert.equal(existsSync(unused.record), false);
  assert.match(quiet.fion.log(), /no session bus/);
});

test('a missing program harms nothing: Fion starts and says so at debug only', async () => {
  const empty = join(dir, 'empty-bin');
  mkdirSync(empty);
  const session = await start({ PATH: empty, DBUS_SESSION_BUS_ADDRESS: BUS });
  await session.obs.sync();
  await waitFor('the debug line', () => /debug: dbus-update-activation-environment: .*ENOENT/.test(session.fion.log()), 5000);
  assert.doesNotMatch(session.fion.log(), / (error|warn): /);
});

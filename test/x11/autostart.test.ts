// Autostart at session start: the XDG autostart entries of a test tree (a user folder and
// a system one) and the config's `autostart` list run once; Hidden and NotShowIn=Fion
// entries and a system entry hidden by a user one of the same name do not; a `restart`
// starts none of them again. Programs Fion starts see XDG_CURRENT_DESKTOP=Fion.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, countMatches, type Session } from '../harness/session.js';
import { startFion } from '../harness/fion.js';
import { key } from '../harness/clients.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';

const dir = tempDir('fion-autostart-');
const user = join(dir, 'home-config');
const system = join(dir, 'xdg');
mkdirSync(join(user, 'autostart'), { recursive: true });
mkdirSync(join(system, 'autostart'), { recursive: true });
/** Each started program appends a line to its own file: how many times it ran. */
const ran = (name: string): string => join(dir, `${name}.ran`);
const times = (name: string): number => (existsSync(ran(name)) ? readFileSync(ran(name), 'utf8').split('\n').filter((l) => l !== '').length : 0);
const mark = (name: string): string => `sh -c "echo \\"\\$XDG_CURRENT_DESKTOP \\$XDG_SESSION_TYPE\\" >> ${ran(name)}"`;
const entry = (folder: string, file: string, body: string): void =>
  writeFileSync(join(folder, 'autostart', file), `[Desktop Entry]\nType=Application\nName=${file}\n${body}\n`);

entry(user, 'term.desktop', 'Exec=xterm -name auto-term %U');
entry(user, 'hidden.desktop', `Hidden=true\nExec=${mark('hidden')}`);
entry(user, 'shadow.desktop', `Exec=${mark('shadow-user')}`);
entry(system, 'shadow.desktop', `Exec=${mark('shadow-system')}`);
entry(system, 'notshow.desktop', `NotShowIn=GNOME;Fion;\nExec=${mark('notshow')}`);
entry(system, 'only.desktop', `OnlyShowIn=Fion;\nExec=${mark('only')}`);
entry(system, 'other.desktop', `OnlyShowIn=KDE;\nExec=${mark('kde')}`);
entry(system, 'tryexec.desktop', `TryExec=/nonexistent/program\nExec=${mark('tryexec')}`);
const config = join(dir, 'config.yaml');
writeFileSync(config, `autostart:\n  - sh -c 'echo config >> ${ran('config')}'\n`);

let s: Session;
after(async () => { await s?.close(); });

test('autostart entries and the config list run once at session start, not again at restart', async () => {
  s = await openSession({ startFion: false });
  s.fion = await startFion(s.display, {
    supervised: true, args: ['--config', config],
    env: { XDG_CONFIG_HOME: user, XDG_CONFIG_DIRS: system, XDG_RUNTIME_DIR: tempDir('fion-autostart-run-') },
  });
  await s.obs.waitForClass('auto-term');
  await waitFor('the marks', () => times('shadow-user') === 1 && times('only') === 1 && times('config') === 1, 10000);
  assert.equal(readFileSync(ran('only'), 'utf8'), 'Fion x11\n', 'children see XDG_CURRENT_DESKTOP and XDG_SESSION_TYPE');
  for (const skipped of ['hidden', 'shadow-system', 'notshow', 'kde', 'tryexec']) assert.equal(times(skipped), 0, `${skipped} is not started`);
  assert.match(s.fion.log(), /hidden\.desktop: skipped \(Hidden\)/);

  const ready = countMatches(s.fion.log(), /info: managing /);
  await key(s.display, 'super+shift+r');
  await waitFor('the restarted Fion', () => countMatches(s.fion!.log(), /info: managing /) > ready, 30000);
  await s.obs.sync(10000);
  // Anything started again would have logged by now: autostart runs right after "managing".
  await s.obs.sync();
  assert.equal(countMatches(s.fion.log(), /autostart \(/g), 4, 'four programs started, all before the restart');
  assert.equal((await s.obs.findByClass('auto-term')).length, 1, 'one xterm');
  assert.deepEqual(['shadow-user', 'only', 'config'].map(times), [1, 1, 1]);
});

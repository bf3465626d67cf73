// An i3 user's first evening: Debian's own i3 config, imported with `fion import-i3` and
// accepted by `fion check-config`, runs: Alt+Return opens i3-sensible-terminal, Alt+2 goes
// to workspace 2, Alt+Shift+q closes the focused window, Alt+r enters the resize mode
// (the bar shows it), and i3status's line is in the bar.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, pressKeys, type Session } from '../harness/session.js';
import { fionBin, repoRoot } from '../harness/fion.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';

let s: Session;
const dir = tempDir('fion-importi3-');
const config = join(dir, 'config.yaml');

before(async () => {
  const fixture = join(repoRoot, 'test/fixtures/i3/debian-config');
  // As a user would: the command line, then check-config.
  execFileSync(process.execPath, [fionBin, 'import-i3', fixture, '-o', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  assert.ok(existsSync(config));
  assert.equal(execFileSync(process.execPath, [fionBin, 'check-config', config]).toString(), `${config}: ok\n`);
  // i3-sensible-terminal takes $TERMINAL first: one known terminal.
  s = await openSession({ fion: { args: ['--config', config], env: { TERMINAL: 'xterm' } } });
});
after(async () => { await s?.close(); });

const bar = async (): Promise<string> => { await s.obs.sync(); return s.obs.barText(); };
const currentDesktop = async (): Promise<number | undefined> => (await s.obs.cardinals(s.obs.root(), '_NET_CURRENT_DESKTOP'))[0];

test('the imported config binds what Debian\'s i3 config binds', async () => {
  assert.match(readFileSync(config, 'utf8'), /alt\+Return: "exec \/bin\/sh -c i3-sensible-terminal"/);

  await pressKeys(s, 'alt+Return');
  const term = await waitFor('a terminal from i3-sensible-terminal', async () => (await s.obs.visibleClients())[0]?.window, 15000);
  assert.equal((await s.obs.wmClass(term)).class, 'XTerm');

  await pressKeys(s, 'alt+2');
  await waitFor('workspace 2 shown', async () => (await currentDesktop()) === 1 && !(await s.obs.isViewable(term)));
  assert.match(await bar(), /\b2\b/);

  await pressKeys(s, 'alt+1');
  await waitFor('workspace 1 shown again', async () => (await currentDesktop()) === 0 && (await s.obs.isViewable(term)));
  await pressKeys(s, 'alt+shift+q');
  await waitFor('the terminal closed', async () => (await s.obs.clientList()).length === 0, 10000);

  await pressKeys(s, 'alt+r');
  await waitFor('the bar shows the resize mode', async () => /resize/.test(await bar()));
  await pressKeys(s, 'Return');
  await waitFor('the mode left on Return', async () => !/resize/.test(await bar()));
});

test('i3status, the bar\'s status command, shows in the bar', async () => {
  // Debian's i3status.conf shows the free space on / ("… GiB"); Fion's own clock never does.
  await waitFor('i3status output in the bar', async () => /GiB/.test(await bar()), 20000);
});

// The command line and the config as a user meets them: --help, --version,
// check-config's exit codes, and a broken config that must not stop Fion.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { tempDir } from '../harness/tmp.js';
import { openSession, type Session } from '../harness/session.js';
import { runCli, repoRoot } from '../harness/fion.js';
import { key } from '../harness/clients.js';
import { waitFor } from '../harness/wait.js';

const dir = tempDir('fion-cli-');
const write = (name: string, text: string): string => { const p = join(dir, name); writeFileSync(p, text); return p; };
let s: Session | null = null;
after(async () => { await s?.close(); });

test('--help lists the options and --version prints the package version', async () => {
  const help = await runCli(['--help']);
  assert.equal(help.code, 0);
  for (const o of ['--display', '--config', '--replace', '--verbose', 'check-config']) assert.match(help.stdout, new RegExp(o));
  const v = await runCli(['--version']);
  assert.equal(v.code, 0);
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  assert.equal(v.stdout.trim(), pkg.version);
  const bad = await runCli(['--no-such-option']);
  assert.equal(bad.code, 2, 'a usage error exits 2');
  assert.match(bad.stderr, /^fion: /);
});

test('no display: exit 1 and a message naming $DISPLAY and --display; a display nobody serves: exit 1 too', async () => {
  const none = await runCli([], { DISPLAY: '' });
  assert.equal(none.code, 1);
  assert.match(none.stderr, /^fion: no display: set \$DISPLAY or pass --display :N/);
  const gone = await runCli(['--display', ':987']);
  assert.equal(gone.code, 1);
  assert.match(gone.stderr, /^fion: /);
});

test('check-config: 0 for the shipped config, 1 with file:line:column errors for a broken one', async () => {
  const shipped = join(repoRoot, 'config', 'fion.yaml');
  const ok = await runCli(['check-config', shipped]);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.equal(ok.stdout, `${shipped}: ok\n`, 'says the file is ok');
  assert.equal(ok.stderr, '', 'and nothing else');
  const broken = write('broken.yaml', 'terminal: xterm\nbindings:\n  super+Return: no-such-command\n  super+nosuchkey: close\n');
  const r = await runCli(['check-config', broken]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, new RegExp(`${broken}:3:\\d+: .*no-such-command`));
  assert.match(r.stdout, new RegExp(`${broken}:4:\\d+: .*nosuchkey`));
  const syntax = write('syntax.yaml', 'terminal: [unclosed\n');
  const r2 = await runCli(['check-config', syntax]);
  assert.equal(r2.code, 1);
  assert.match(r2.stdout, new RegExp(`${syntax}:\\d+:\\d+: `));
  const missing = await runCli(['check-config', join(dir, 'missing.yaml')]);
  assert.equal(missing.code, 1);
});

test('a config with a syntax error starts Fion on the defaults and shows the error in the bar', async () => {
  const broken = write('bad.yaml', 'terminal: xterm\ncolors: {bar_background: "#12\n');
  s = await openSession({ fion: { args: ['--config', broken] } });
  const text = await s.obs.barText();
  assert.match(text, new RegExp(`config error: ${broken}:\\d+`));
  // The default bindings work: win+shift+v splits (two tiles).
  await key(s.display, 'super+shift+v');
  await s.obs.sync();
  await waitFor('two tiles', async () => /tile 2\/2/.test(await s!.obs.barText()));
});

test('the log: written to $XDG_STATE_HOME/fion/fion.log, shown by fion msg -t log, debug lines switched on at run time', async () => {
  const state = tempDir('fion-cli-state-');
  const session = await openSession({ fion: { env: { XDG_STATE_HOME: state }, args: [] } });
  try {
    // The harness starts Fion with --verbose; the command takes debug lines away and back.
    const file = join(state, 'fion', 'fion.log');
    await waitFor('the log file to say Fion manages the display', () => readFileSync(file, 'utf8').includes(`info: managing ${session.display}`));
    const env = { DISPLAY: session.display };
    const quiet = await runCli(['msg', 'log', 'level', 'info'], env);
    assert.equal(quiet.code, 0, quiet.stderr);
    await runCli(['msg', 'workspace', 'create', 'quiet'], env);
    const shown = await runCli(['msg', '-t', 'log'], env);
    assert.equal(shown.code, 0, shown.stderr);
    const lines = shown.stdout.trim().split('\n');
    assert.ok(lines.every((l) => /^fion \d\d:\d\d:\d\d\.\d{3} (error|warn|info|debug): /.test(l)), shown.stdout);
    assert.ok(lines.some((l) => l.endsWith(`info: managing ${session.display} (1 screen)`)));
    const at = lines.findIndex((l) => l.endsWith('info: log level info'));
    assert.ok(at >= 0, shown.stdout);
    assert.ok(lines.slice(at + 1).every((l) => !l.includes(' debug: ')), 'no debug lines once the level is info');
    assert.ok(lines.slice(0, at).some((l) => l.includes(' debug: ')), 'debug lines before, with --verbose');
    const loud = await runCli(['msg', 'log', 'level', 'debug'], env);
    assert.equal(loud.code, 0);
    await runCli(['msg', 'workspace', 'create', 'loud'], env);
    await waitFor('debug lines again in the file', () => {
      const text = readFileSync(file, 'utf8');
      return text.slice(text.lastIndexOf('info: log level debug')).includes(' debug: ');
    });
    assert.equal(readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').length >= lines.length, true, 'the file holds what -t log shows');
    const bad = await runCli(['msg', 'log', 'level', 'loud'], env);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /error, warn, info or debug|expected one of/);
  } finally {
    await session.close();
  }
});

test('shell completion: bash, zsh and fish complete fion msg from the declarations and the running Fion', async () => {
  const session = await openSession({});
  try {
    const env = { ...process.env, DISPLAY: session.display, PATH: `${join(repoRoot, 'bin')}:${process.env.PATH ?? ''}` };
    const completions = join(repoRoot, 'completions');
    const bash = (words: string): string => execFileSync('bash', ['-c',
      `source "${completions}/fion.bash"; COMP_WORDS=(${words}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _fion; printf '%s\\n' "\${COMPREPLY[@]}"`],
    { env, encoding: 'utf8' });
    assert.equal(bash('fion msg wor'), 'workspace\n');
    assert.equal(bash('fion msg -t tr'), 'tree\n');
    // Workspace numbers come from the running Fion.
    await runCli(['msg', 'workspace', 'create', 'mail'], { DISPLAY: session.display });
    const numbers = bash('fion msg workspace goto ""').trim().split('\n');
    assert.ok(numbers.length >= 2 && numbers.every((n) => /^\d+$/.test(n)), numbers.join(' '));
    const fish = execFileSync('fish', ['-c', `source "${completions}/fion.fish"; complete -C 'fion msg bar t'`], { env, encoding: 'utf8' });
    assert.equal(fish.trim(), 'toggle');
    execFileSync('zsh', ['-n', `${completions}/_fion`]);
  } finally {
    await session.close();
  }
});

// Sessions without X: the recipe chosen for a window, the session file's shape (a round trip,
// garbage refused with a message, never a throw), and restoring one into a model: windows
// already there fill their placeholders, the rest are started once, and a new window fills
// the placeholder of its launch before one its class fits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as M from '../../src/model/index.js';
import { chooseRecipe, decodeWmCommand, isShell, readProcess } from '../../src/persist/recipe.js';
import { parseSession, readSessionFile, sessionOf, writeSessionFile, type SessionFile } from '../../src/persist/session.js';
import { client, monitor, w } from '../model/support.js';
import { tempDir } from '../harness/tmp.js';

const proc = (cmdline: string[] | null, cwd: string | null, shellCwds: string[] = []): M.Recipe | null =>
  chooseRecipe({ class: 'X', process: { cmdline, cwd, shellCwds }, wmCommand: ['wmcmd'], desktopExec: [['desk']] });

test('the recipe: /proc first (a terminal with its shell\'s folder), else WM_COMMAND, else the .desktop entry', () => {
  assert.deepEqual(proc(['xterm', '-name', 'a'], '/home/u'), { argv: ['xterm', '-name', 'a'], cwd: '/home/u' });
  assert.deepEqual(proc(['xterm'], '/home/u', ['/home/u/src', '/tmp']), { argv: ['xterm'], cwd: '/home/u/src' });
  assert.deepEqual(proc(null, '/home/u'), { argv: ['wmcmd'] }, 'a command line that is not readable');
  assert.deepEqual(chooseRecipe({ class: 'X', process: null, wmCommand: [], desktopExec: [['desk', '--new']] }), { argv: ['desk', '--new'] });
  assert.equal(chooseRecipe({ class: 'X', process: null, wmCommand: [], desktopExec: [] }), null);
  assert.deepEqual(decodeWmCommand(Buffer.from('emacs\0-nw\0', 'latin1')), ['emacs', '-nw']);
  assert.deepEqual(decodeWmCommand(null), []);
  assert.ok(isShell('bash') && isShell('-zsh') && !isShell('vim'));
});

test('readProcess reads a fake /proc: the command line, the folder, and its shell children\'s folders', () => {
  const root = tempDir('fion-proc-');
  const p = (pid: number, comm: string, cmdline: string, cwd: string, children = ''): void => {
    mkdirSync(join(root, String(pid), 'task', String(pid)), { recursive: true });
    writeFileSync(join(root, String(pid), 'comm'), `${comm}\n`);
    writeFileSync(join(root, String(pid), 'cmdline'), cmdline);
    writeFileSync(join(root, String(pid), 'task', String(pid), 'children'), children);
    symlinkSync(cwd, join(root, String(pid), 'cwd'));
  };
  p(10, 'xterm', 'xterm\0-name\0a\0', '/', '11 12 ');
  p(11, 'less', 'less\0', '/etc');
  p(12, 'bash', 'bash\0', '/usr');
  assert.deepEqual(readProcess(10, root), { cmdline: ['xterm', '-name', 'a'], cwd: '/', shellCwds: ['/usr'] });
  assert.equal(readProcess(99, root), null);
});

const session = (workspaces: M.SessionWorkspace[]): SessionFile => ({ fion_session: 1, savedAt: 1, workspaces });
const xterm = (name: string): M.SessionTab => ({ class: 'XTerm', instance: name, recipe: { argv: ['xterm', '-name', name], cwd: '/tmp' } });

test('the session file: what sessionOf writes reads back; garbage is an error value, never a throw', () => {
  let m = M.createModel([monitor('A')], ['one']);
  m = M.addClient(m, { ...client(1), class: 'XTerm', instance: 'a' });
  m = M.splitTile(m, 'vertical', M.NO_MIN_SHARE);
  m = M.addClient(m, { ...client(2), class: 'XTerm', instance: 'b' });
  const file = sessionOf(m, (id) => (id === w(1) ? { argv: ['xterm', '-name', 'a'] } : null), 5);
  assert.deepEqual(parseSession(JSON.parse(JSON.stringify(file))), { ok: true, session: file });
  assert.deepEqual(file.workspaces[0]!.root, { kind: 'split', axis: 'row', ratios: [0.5, 0.5], children: [
    { kind: 'tile', tabs: [{ class: 'XTerm', instance: 'a', recipe: { argv: ['xterm', '-name', 'a'] } }] },
    { kind: 'tile', tabs: [{ class: 'XTerm', instance: 'b' }] },
  ] });
  const dir = tempDir('fion-session-');
  writeSessionFile(join(dir, 'fion', 'session.json'), file);
  assert.deepEqual(readSessionFile(join(dir, 'fion', 'session.json')), { kind: 'ok', session: file });
  writeFileSync(join(dir, 'bad.json'), '{"fion_session": 1, "workspaces": [');
  assert.equal(readSessionFile(join(dir, 'bad.json')).kind, 'bad');
  assert.equal(readSessionFile(join(dir, 'none.json')).kind, 'none');
  assert.match(readFileSync(join(dir, 'fion', 'session.json'), 'utf8'), /"fion_session": 1/);
  const bad = (v: unknown, why: RegExp): void => {
    const r = parseSession(v);
    assert.ok(!r.ok && why.test(r.error), JSON.stringify(r));
  };
  bad({}, /not a Fion session/);
  bad({ fion_session: 1, workspaces: [{ name: '', root: { kind: 'tile' } }] }, /name/);
  bad({ fion_session: 1, workspaces: [{ name: 'a', root: { kind: 'tile' } }, { name: 'a', root: { kind: 'tile' } }] }, /twice/);
  bad({ fion_session: 1, workspaces: [{ name: 'a', root: { kind: 'tile', tabs: [{ class: 'x', recipe: { argv: [] } }] } }] }, /argv/);
  bad({ fion_session: 1, workspaces: [{ name: 'a', root: { kind: 'tile', tabs: [{ class: 'x', recipe: { argv: ['a\0b'] } }] } }] }, /argv/);
  bad({ fion_session: 1, workspaces: [{ name: 'a', root: { kind: 'tile', tabs: [{ class: 'x', recipe: { argv: ['x'], cwd: 'rel' } }] } }] }, /cwd/);
  fc.assert(fc.property(fc.anything(), (v) => { parseSession(v); parseSession({ fion_session: 1, workspaces: [v] }); }), { numRuns: 500 });
});

test('restoring: windows already there fill their placeholders; the others are started once each', () => {
  let m = M.createModel([monitor('A')], []);
  m = M.addClient(m, { ...client(1), class: 'XTerm', instance: 'b' }); // autostarted, say
  const s = session([
    { name: '1', root: { kind: 'split', axis: 'row', ratios: [1, 1], children: [{ kind: 'tile', tabs: [xterm('a')] }, { kind: 'tile', tabs: [xterm('b'), xterm('c')] }] } },
    { name: 'two', root: { kind: 'tile', tabs: [xterm('d'), { class: 'NoRecipe' }] } },
  ]);
  let n = 0;
  const r = M.restoreSession(m, s.workspaces, () => `id${++n}`, (rc) => rc.argv.at(-1) !== 'c');
  assert.deepEqual(r.launches.map((l) => [l.startupId, l.recipe.argv.at(-1)]), [['id1', 'a'], ['id2', 'd']], 'b is there, c is not launchable');
  assert.deepEqual(r.model.workspaces.map((x) => x.name), ['1', 'two']);
  const tilesOf = (ws: number): M.Tile[] => M.tiles(r.model.workspaces[ws]!.root);
  assert.deepEqual(tilesOf(0).map((t) => t.tabs), [[], [w(1)]], 'b fills its placeholder');
  assert.deepEqual(tilesOf(0).map((t) => t.waiting), [[{ class: 'XTerm', instance: 'a', startupId: 'id1' }], [{ class: 'XTerm', instance: 'c' }]]);
  // A window of launch id2 fills its placeholder whatever its class; a pid of the launch too.
  let x = M.setPlaceholderPid(r.model, 'id1', 4242);
  x = M.addClient(x, { ...client(7), class: 'Other', instance: 'o' });
  x = M.claimWaiting(x, w(7), { startupId: 'id2', pids: [] });
  assert.deepEqual(M.tiles(x.workspaces[1]!.root)[0]!.tabs, [w(7)]);
  x = M.addClient(x, { ...client(8), class: 'Other', instance: 'o' });
  x = M.claimWaiting(x, w(8), { startupId: '', pids: [9, 4242, 1] });
  assert.deepEqual(M.tiles(x.workspaces[0]!.root)[0]!.tabs, [w(8)]);
  // A failed launch: the placeholder stays, by description.
  const failed = M.dropPlaceholderLaunch(r.model, 'id2');
  assert.equal(M.waitsForLaunch(failed, 'id2'), false);
  assert.deepEqual(M.tiles(failed.workspaces[1]!.root)[0]!.waiting, [{ class: 'XTerm', instance: 'd' }, { class: 'NoRecipe' }]);
});

// XDG autostart entries: parsing, the keys that say whether an entry runs, Exec's quoting
// and field codes, and which folder's file wins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { autostartDecision, autostartFiles, autostartFolders, execArgv, listValue, parseDesktopEntry } from '../../src/text/desktopentry.js';

const entry = (body: string) => parseDesktopEntry(`# a comment\n[Desktop Entry]\n${body}\n[Desktop Action new]\nExec=other\n`);
const none = (): boolean => false;
const all = (): boolean => true;

test('the [Desktop Entry] group only; localised keys and garbage lines are skipped', () => {
  const e = parseDesktopEntry('Exec=before\n[Desktop Entry]\nName=A\nName[fr]=B\nnonsense\n=x\nExec = foo\\sbar  \nExec=second\n[Other]\nHidden=true\n');
  assert.deepEqual([...e], [['Name', 'A'], ['Exec', 'foo bar']]);
  assert.deepEqual(parseDesktopEntry('\u0000\u0001garbage'), new Map());
});

test('lists split on ; with \\; kept', () => {
  assert.deepEqual(listValue('GNOME;KDE;'), ['GNOME', 'KDE']);
  assert.deepEqual(listValue('a\\;b;c'), ['a;b', 'c']);
  assert.deepEqual(listValue(undefined), []);
});

test('Exec: quoting and field codes', () => {
  assert.deepEqual(execArgv('xterm -name late'), ['xterm', '-name', 'late']);
  assert.deepEqual(execArgv('foo %U --x %f'), ['foo', '--x']);
  assert.deepEqual(execArgv('foo %i %c %k %F %u'), ['foo']);
  assert.deepEqual(execArgv('sh -c "echo \\"a b\\" \\$HOME" 100%%'), ['sh', '-c', 'echo "a b" $HOME', '100%']);
  assert.deepEqual(execArgv('"/opt/my app/run"  --flag'), ['/opt/my app/run', '--flag']);
  assert.deepEqual(execArgv('a ""'), ['a', '']);
  assert.equal(execArgv('"unterminated'), null);
  assert.equal(execArgv('  '), null);
  assert.equal(execArgv('%U'), null);
  // The string escape first, then Exec's own: \\\\ in the file is one backslash in an argument.
  assert.deepEqual(execArgv(entry('Exec="a\\\\\\\\b"').get('Exec')!), ['a\\b']);
});

test('Hidden, OnlyShowIn, NotShowIn, TryExec, Type and Exec decide', () => {
  const fion = ['Fion'];
  assert.deepEqual(autostartDecision(entry('Type=Application\nExec=xterm -name a %u'), fion, none), { run: ['xterm', '-name', 'a'] });
  assert.deepEqual(autostartDecision(entry('Exec=x\nHidden=true'), fion, all), { skip: 'Hidden' });
  assert.deepEqual(autostartDecision(entry('Exec=x\nHidden=false'), fion, all), { run: ['x'] });
  assert.deepEqual(autostartDecision(entry('Exec=x\nOnlyShowIn=GNOME;KDE;'), fion, all), { skip: 'OnlyShowIn=GNOME;KDE' });
  assert.deepEqual(autostartDecision(entry('Exec=x\nOnlyShowIn=GNOME;Fion;'), fion, all), { run: ['x'] });
  assert.deepEqual(autostartDecision(entry('Exec=x\nOnlyShowIn=GNOME;Fion;'), ['X-Other', 'Fion'], all), { run: ['x'] });
  assert.deepEqual(autostartDecision(entry('Exec=x\nNotShowIn=Fion;'), fion, all), { skip: 'NotShowIn=Fion' });
  assert.deepEqual(autostartDecision(entry('Exec=x\nNotShowIn=GNOME;'), fion, all), { run: ['x'] });
  assert.deepEqual(autostartDecision(entry('Exec=x\nTryExec=nothere'), fion, none), { skip: 'TryExec nothere not found' });
  assert.deepEqual(autostartDecision(entry('Exec=x\nTryExec=there'), fion, all), { run: ['x'] });
  assert.deepEqual(autostartDecision(entry('Type=Link\nExec=x'), fion, all), { skip: 'Type=Link' });
  assert.deepEqual(autostartDecision(entry('Name=no exec'), fion, all), { skip: 'no Exec' });
});

test('a user entry hides a system one of the same file name, Hidden or not', () => {
  const files = autostartFiles([
    { dir: '/home/u/.config/autostart/', names: ['b.desktop', 'notes.txt', 'a.desktop'] },
    { dir: '/etc/xdg/autostart', names: ['a.desktop', 'c.desktop'] },
    { dir: '/usr/etc/autostart', names: ['c.desktop', 'd.desktop'] },
  ]);
  assert.deepEqual(files, [
    { name: 'a.desktop', path: '/home/u/.config/autostart/a.desktop' },
    { name: 'b.desktop', path: '/home/u/.config/autostart/b.desktop' },
    { name: 'c.desktop', path: '/etc/xdg/autostart/c.desktop' },
    { name: 'd.desktop', path: '/usr/etc/autostart/d.desktop' },
  ]);
});

test('the folders: XDG_CONFIG_HOME then XDG_CONFIG_DIRS, with the spec defaults', () => {
  assert.deepEqual(autostartFolders({}, '/home/u'), ['/home/u/.config/autostart', '/etc/xdg/autostart']);
  assert.deepEqual(autostartFolders({ XDG_CONFIG_HOME: '/c', XDG_CONFIG_DIRS: '/a:relative:/b/' }, '/home/u'), ['/c/autostart', '/a/autostart', '/b/autostart']);
  assert.deepEqual(autostartFolders({ XDG_CONFIG_HOME: 'rel', XDG_CONFIG_DIRS: '' }, '/h'), ['/h/.config/autostart', '/etc/xdg/autostart']);
});

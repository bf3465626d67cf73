import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fallbackConfig } from '../../src/config/defaults.js';
import { checkConfigFile, formatConfigError, loadConfig, MAX_CONFIG_BYTES, parseConfig } from '../../src/config/index.js';
import type { Config, ConfigError } from '../../src/config/types.js';
import { configProblems } from '../../src/config/validate.js';
import { content, tempDir, validators, where, writeTemp } from './helpers.js';

const defaults = (): Config => fallbackConfig();

function parse(text: string): { config: Config; errors: ConfigError[]; applied: boolean } {
  const r = parseConfig(text, 'user.yaml', defaults(), validators);
  assert.deepEqual(configProblems(r.config, validators), [], 'the result is always a valid Config');
  return r;
}

/** Assert exactly one error, at needle's position (or its line only), whose message matches. */
function oneError(text: string, errors: ConfigError[], needle: string, message: RegExp, opts: { nth?: number; lineOnly?: boolean } = {}): void {
  assert.equal(errors.length, 1, `expected one error, got ${errors.map(formatConfigError).join('\n')}`);
  const e = errors[0]!;
  const at = where(text, needle, opts.nth);
  assert.equal(e.file, 'user.yaml');
  assert.equal(e.line, at.line, formatConfigError(e));
  if (opts.lineOnly !== true) assert.equal(e.column, at.column, formatConfigError(e));
  assert.match(e.message, message);
}

const binding = (c: Config, keys: string): string | undefined => c.bindings.find((b) => b.keys === keys)?.command;
const mode = (c: Config, name: string) => c.modes.find((m) => m.name === name);

test('formatConfigError', () => {
  assert.equal(formatConfigError({ file: 'a.yaml', line: 3, column: 7, message: 'bad' }), 'a.yaml:3:7: bad');
  assert.equal(formatConfigError({ file: 'a.yaml', line: 0, column: 0, message: 'cannot read' }), 'a.yaml: cannot read');
});

test('a user file with one key keeps every other default', () => {
  const r = parse('terminal: foot\n');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.config.terminal, ['foot']);
  assert.deepEqual(content({ ...r.config, terminal: defaults().terminal }), content(defaults()));
});

test('an empty or comment-only user file changes nothing and is no error', () => {
  for (const text of ['', '\n', '# nothing here\n', '---\n']) {
    const r = parse(text);
    assert.deepEqual(r.errors, [], JSON.stringify(text));
    assert.equal(r.applied, true);
    assert.deepEqual(content(r.config), content(defaults()));
  }
});

test('a YAML syntax error: the whole file is ignored, the error has the right line', () => {
  const text = 'terminal: foot\nbindings:\n  super+x: [tile next\n  super+y: close\n';
  const r = parse(text);
  assert.equal(r.applied, false);
  assert.deepEqual(content(r.config), content(defaults()));
  assert.ok(r.errors.length >= 1);
  assert.ok(r.errors.every((e) => e.file === 'user.yaml' && e.line >= 3));
  assert.match(r.errors[0]!.message, /YAML syntax error/);
});

test('a syntax error on line 5 is reported on line 5', () => {
  const text = 'terminal: foot\nfont: x\nbar:\n  clock: y\n  "unclosed: z\n';
  const r = parse(text);
  assert.equal(r.applied, false);
  assert.equal(r.errors[0]!.line, 5);
});

test('a file that is not a mapping is ignored as a whole', () => {
  for (const text of ['- terminal\n- foot\n', 'just words\n', '42\n']) {
    const r = parse(text);
    assert.equal(r.applied, false, text);
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0]!.line, 1);
    assert.deepEqual(content(r.config), content(defaults()));
  }
});

test('an unknown top-level key is an error, the rest applies', () => {
  const text = 'terminal: foot\nfonts: big\nresize_step: 0.1\n';
  const r = parse(text);
  assert.deepEqual(r.config.terminal, ['foot']);
  assert.equal(r.errors.length, 2);
  assert.deepEqual([r.errors[0]!.line, r.errors[0]!.column], [2, 1]);
  assert.match(r.errors[0]!.message, /unknown key "fonts" \(did you mean "font"\?\)/);
  assert.deepEqual([r.errors[1]!.line, r.errors[1]!.column], [3, 1]);
});

test('a bad colour is reported at the value; the other colours apply', () => {
  const text = 'colors:\n  bar_background: "#abc"\n  bar_foreground: "#12345g"\n  tab_background: "#102030"\n';
  const r = parse(text);
  oneError(text, r.errors, '"#12345g"', /colors\.bar_foreground: expected a colour/);
  assert.equal(r.config.colors.barBackground, 0xaabbcc);
  assert.equal(r.config.colors.barForeground, defaults().colors.barForeground);
  assert.equal(r.config.colors.tabBackground, 0x102030);
});

test('an unquoted colour (a YAML comment) gets a hint', () => {
  const text = 'colors:\n  bar_background: #abc\n';
  const r = parse(text);
  oneError(text, r.errors, 'bar_background', /quote it/);
});

test('unknown colour names and wrong types', () => {
  const text = 'colors:\n  bar_backround: "#000"\n';
  oneError(text, parse(text).errors, 'bar_backround', /unknown colour "bar_backround" \(did you mean "bar_background"\?\)/);
  const t2 = 'colors: "#000"\n';
  oneError(t2, parse(t2).errors, '"#000"', /colors: expected a mapping/);
});

test('a bad key spec is reported at the key; the other bindings apply', () => {
  const text = 'bindings:\n  super+a: close\n  super+nosuchkey: exit\n  hyper+b: exit\n  super+c: tile next\n';
  const r = parse(text);
  assert.equal(r.errors.length, 2);
  assert.deepEqual(r.errors[0], { file: 'user.yaml', ...where(text, 'super+nosuchkey'), message: r.errors[0]!.message });
  assert.match(r.errors[0]!.message, /unknown keysym "nosuchkey"/);
  assert.deepEqual(r.errors[1], { file: 'user.yaml', ...where(text, 'hyper+b'), message: r.errors[1]!.message });
  assert.match(r.errors[1]!.message, /unknown modifier "hyper"/);
  assert.equal(binding(r.config, 'super+a'), 'close');
  assert.equal(binding(r.config, 'super+c'), 'tile next');
});

test('the keySpec validator is consulted', () => {
  const text = 'bindings:\n  super+a: close\n  super+b: exit\n';
  const r = parseConfig(text, 'user.yaml', defaults(), {
    ...validators,
    keySpec: (k) => (k === 'super+b' ? 'no such key on this keyboard' : null),
  });
  oneError(text, r.errors, 'super+b', /no such key on this keyboard/);
  assert.equal(binding(r.config, 'super+a'), 'close');
  assert.equal(binding(r.config, 'super+b'), undefined);
});

test('an unknown command is reported at the command; a bad override keeps the default', () => {
  const text = 'bindings:\n  super+a: close\n  super+shift+q: frobnicate now\n';
  const r = parse(text);
  oneError(text, r.errors, 'frobnicate', /unknown command "frobnicate"/);
  assert.equal(binding(r.config, 'super+a'), 'close');
  assert.equal(binding(r.config, 'super+shift+q'), 'close');
});

test('without a command validator, any command text is accepted', () => {
  const r = parseConfig('bindings:\n  super+a: frobnicate\n', 'user.yaml', defaults());
  assert.deepEqual(r.errors, []);
  assert.equal(binding(r.config, 'super+a'), 'frobnicate');
});

test('a duplicate binding (normalised) is reported at the second; the first applies', () => {
  const text = 'bindings:\n  super+shift+a: close\n  Shift+Win+A: exit\n';
  const r = parse(text);
  oneError(text, r.errors, 'Shift+Win+A', /duplicate binding: Shift\+Win\+A \(super\+shift\+a\) is already bound at line 2/);
  assert.equal(binding(r.config, 'super+shift+a'), 'close');
});

test('an exactly repeated key is reported once (not also as a YAML error)', () => {
  const text = 'bindings:\n  super+a: close\n  super+a: exit\n';
  const r = parse(text);
  oneError(text, r.errors, 'super+a', /duplicate/, { nth: 1 });
  assert.equal(binding(r.config, 'super+a'), 'close');
});

test('a repeated top-level key: the first wins, one error', () => {
  const text = 'terminal: foot\nterminal: kitty\n';
  const r = parse(text);
  oneError(text, r.errors, 'terminal', /duplicate key "terminal" \(first at line 1\)/, { nth: 1 });
  assert.deepEqual(r.config.terminal, ['foot']);
});

test('a duplicate inside a mode is reported; the same key in two modes is fine', () => {
  const text = 'modes:\n  tile:\n    keys:\n      x: tile next\n      X: tile prev\n      shift+x: tile kill\n  tab:\n    keys:\n      x: tab next\n';
  const r = parse(text);
  oneError(text, r.errors, 'shift+x', /duplicate binding: shift\+x is already bound in modes\.tile\.keys at line 5/);
  const tile = mode(r.config, 'tile')!;
  assert.equal(tile.keys.find((k) => k.keys === 'x')?.command, 'tile next');
  assert.equal(tile.keys.find((k) => k.keys === 'shift+x')?.command, 'tile prev');
  assert.equal(mode(r.config, 'tab')!.keys.find((k) => k.keys === 'x')?.command, 'tab next');
});

test('a binding that repeats a mode enter key of the same file is a duplicate', () => {
  const text = 'bindings:\n  super+y: close\nmodes:\n  foo:\n    enter: super+y\n    keys: {a: close}\n';
  const r = parse(text);
  oneError(text, r.errors, 'super+y', /modes\.foo\.enter: duplicate binding: super\+y is already bound at line 2/, { nth: 1 });
  assert.equal(mode(r.config, 'foo')!.enter, null);
  assert.equal(binding(r.config, 'super+y'), 'close');
});

test('merge: user bindings add, override, and "none" removes', () => {
  const text = 'bindings:\n  super+a: close\n  super+shift+q: exit\n  super+shift+e: none\n  super+F12: none\n';
  const r = parse(text);
  assert.deepEqual(r.errors, []);
  assert.equal(binding(r.config, 'super+a'), 'close');
  assert.equal(binding(r.config, 'super+shift+q'), 'exit');
  assert.equal(binding(r.config, 'super+shift+e'), undefined);
  assert.equal(binding(r.config, 'super+Return'), 'terminal');
  assert.equal(r.config.bindings.length, defaults().bindings.length);
  const a = r.config.bindings.find((b) => b.keys === 'super+a')!;
  assert.deepEqual([a.file, a.line], ['user.yaml', 2]);
});

test('merge: an override matches the default however it is spelled', () => {
  const r = parse('bindings:\n  Shift+Mod4+Q: exit\n  win+enter: none\n');
  assert.deepEqual(r.errors, []);
  assert.equal(binding(r.config, 'super+shift+q'), 'exit');
  assert.equal(binding(r.config, 'super+Return'), undefined);
});

test('merge: modes by name, their keys by key spec', () => {
  const text = [
    'modes:',
    '  tile:',
    '    sticky: true',
    '    keys:',
    '      n: none',
    '      x: tile next',
    '      c: tile split horizontal',
    '  run: none',
    '  mine:',
    '    enter: super+m',
    '    keys: {a: close}',
    '',
  ].join('\n');
  const r = parse(text);
  assert.deepEqual(r.errors, []);
  const tile = mode(r.config, 'tile')!;
  assert.equal(tile.enter, 'super+t');
  assert.equal(tile.sticky, true);
  assert.equal(tile.keys.find((k) => k.keys === 'n'), undefined);
  assert.equal(tile.keys.find((k) => k.keys === 'x')?.command, 'tile next');
  assert.equal(tile.keys.find((k) => k.keys === 'c')?.command, 'tile split horizontal');
  assert.equal(tile.keys.find((k) => k.keys === 'Left')?.command, 'tile resize left');
  assert.equal(mode(r.config, 'run'), undefined);
  const mine = mode(r.config, 'mine')!;
  assert.deepEqual([mine.enter, mine.sticky, mine.keys.map((k) => k.keys), mine.line], ['super+m', false, ['a'], 9]);
  assert.deepEqual(
    mode(r.config, 'workspace'),
    defaults().modes.find((m) => m.name === 'workspace'),
  );
});

test('merge: enter keys and bindings share normal mode; the user file takes a key over', () => {
  const r = parse('bindings:\n  super+t: terminal\nmodes:\n  tab:\n    enter: super+shift+q\n  workspace:\n    enter: none\n');
  assert.deepEqual(r.errors, []);
  assert.equal(binding(r.config, 'super+t'), 'terminal');
  assert.equal(mode(r.config, 'tile')!.enter, null);
  assert.equal(mode(r.config, 'tab')!.enter, 'super+shift+q');
  assert.equal(binding(r.config, 'super+shift+q'), undefined);
  assert.equal(mode(r.config, 'workspace')!.enter, null);
});

test('"none" on a mode enter key unbinds it', () => {
  const r = parse('bindings:\n  super+w: none\n');
  assert.deepEqual(r.errors, []);
  assert.equal(mode(r.config, 'workspace')!.enter, null);
});

test('mode errors: bad names, bodies, sticky, enter', () => {
  const text = [
    'modes:',
    '  "two words": {keys: {a: close}}',
    '  tile: 3',
    '  tab:',
    '    sticky: yes',
    '    enter: super+nokey',
    '    colour: red',
    '',
  ].join('\n');
  const r = parse(text);
  assert.deepEqual(
    r.errors.map((e) => [e.line, e.message.replace(/:.*/, '')]),
    [
      [2, 'modes'],
      [3, 'modes.tile'],
      [5, 'modes.tab.sticky'],
      [6, 'modes.tab.enter'],
      [7, 'modes.tab'],
    ],
  );
  assert.deepEqual(mode(r.config, 'tab'), { ...defaults().modes.find((m) => m.name === 'tab')!, line: 4, file: 'user.yaml' });
});

test('a binding with no command, or a non-string command, is an error', () => {
  const text = 'bindings:\n  super+a:\n  super+b: [close]\n  super+c: close\n';
  const r = parse(text);
  assert.deepEqual(r.errors.map((e) => [e.line, e.column]), [[2, 3], [3, 12]]);
  assert.match(r.errors[0]!.message, /no command for super\+a/);
  assert.equal(binding(r.config, 'super+c'), 'close');
});

test('terminal: words, quotes, lists, errors', () => {
  assert.deepEqual(parse('terminal: foot -e "tmux new -A" \'a b\'\n').config.terminal, ['foot', '-e', 'tmux new -A', 'a b']);
  assert.deepEqual(parse('terminal: [st, -f, "Mono:size=10"]\n').config.terminal, ['st', '-f', 'Mono:size=10']);
  for (const bad of ['terminal: ""\n', 'terminal:\n', 'terminal: "foot \\"x"\n', 'terminal: []\n', 'terminal: {a: b}\n', "terminal: \"a 'b\"\n"]) {
    const r = parse(bad);
    assert.equal(r.errors.length, 1, bad);
    assert.equal(r.errors[0]!.line, 1);
    assert.match(r.errors[0]!.message, /^terminal/);
    assert.deepEqual(r.config.terminal, defaults().terminal);
  }
});

test('font, clock, resize_step, workspace names', () => {
  const ok = parse('font: fixed\nbar: {clock: "HH:mm"}\ntiles: {resize_step: 0.1}\nworkspaces: {names: [web, 2, "", ~, mail]}\n');
  assert.deepEqual(ok.errors, []);
  assert.equal(ok.config.font, 'fixed');
  assert.equal(ok.config.bar.clock, 'HH:mm');
  assert.equal(ok.config.resizeStep, 0.1);
  assert.deepEqual(ok.config.workspaceNames, ['web', '2', '', '', 'mail']);

  const text = 'font: ""\nbar:\n  clock: 12\n  date: x\ntiles:\n  resize_step: 0.5\nworkspaces:\n  names: web\n';
  const r = parse(text);
  assert.deepEqual(
    r.errors.map((e) => [e.line, e.message.replace(/:.*/, '')]),
    [
      [1, 'font'],
      [3, 'bar.clock'],
      [4, 'bar'],
      [6, 'tiles.resize_step must be a number with 0 < step < 0.5, got 0.5'],
      [8, 'workspaces.names'],
    ],
  );
  assert.deepEqual(content(r.config), content(defaults()));
});

test('monitors: source and shown_elsewhere take one of their words; anything else is an error at its line', () => {
  const ok = parse('monitors: {source: xinerama, shown_elsewhere: swap}\n');
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(ok.config.monitors, { source: 'xinerama', shownElsewhere: 'swap', remember: true, scale: {} });
  const r = parse('monitors:\n  source: xinerma\n  shown_elsewhere: 3\n  primary: x\n');
  assert.deepEqual(r.errors.map((e) => [e.line, e.message]), [
    [2, 'monitors.source: expected one of auto, randr, crtcs, xinerama, root (did you mean "xinerama"?)'],
    [3, 'monitors.shown_elsewhere: expected a string'],
    [4, 'monitors: unknown key "primary"'],
  ]);
  assert.deepEqual(r.config.monitors, defaults().monitors);
});

test('monitors.scale: output names to numbers from 0.5 to 4; anything else is an error at its line', () => {
  assert.deepEqual(parse('monitors: {scale: {HDMI-1: 2, eDP-1: 1.5}}\n').config.monitors.scale, { 'HDMI-1': 2, 'eDP-1': 1.5 });
  const r = parse('monitors:\n  scale:\n    A: 9\n    B: big\n    C: 2\n');
  assert.deepEqual(r.errors.map((e) => e.line), [3, 4]);
  assert.match(r.errors[0]!.message, /monitors.scale: the scale of output "A" must be a number from 0.5 to 4/);
  assert.deepEqual(r.config.monitors.scale, { C: 2 });
});

test('anchors and aliases work', () => {
  const r = parse('colors:\n  bar_background: &c "#010203"\n  tab_background: *c\nmodes:\n  tile:\n    keys: &k {z: tile next}\n  tab:\n    keys: *k\n');
  assert.deepEqual(r.errors, []);
  assert.equal(r.config.colors.tabBackground, 0x010203);
  assert.equal(mode(r.config, 'tab')!.keys.find((k) => k.keys === 'z')?.command, 'tile next');
});

test('loadConfig: the user file (XDG) is merged over the defaults', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'fion'));
  const path = join(dir, 'fion', 'config.yaml');
  writeFileSync(path, 'terminal: foot\nbindings:\n  super+shift+e: none\n  super+a: frob\n');
  const r = loadConfig({ env: { XDG_CONFIG_HOME: dir }, validators });
  assert.equal(r.path, path);
  assert.equal(r.usedDefault, false);
  assert.deepEqual(r.errors.map(formatConfigError), [`${path}:4:12: bindings: unknown command "frob"`]);
  assert.deepEqual(r.config.terminal, ['foot']);
  assert.equal(binding(r.config, 'super+shift+e'), undefined);
  assert.equal(binding(r.config, 'super+Return'), 'terminal');
});

test('loadConfig: --config wins over the user file', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'fion'));
  writeFileSync(join(dir, 'fion', 'config.yaml'), 'terminal: foot\n');
  const other = writeTemp(dir, 'other.yaml', 'terminal: kitty\n');
  const r = loadConfig({ path: other, env: { XDG_CONFIG_HOME: dir }, validators });
  assert.equal(r.path, other);
  assert.deepEqual(r.config.terminal, ['kitty']);
});

test('loadConfig: a missing --config file is an error; defaults are used', () => {
  const r = loadConfig({ path: '/nonexistent/fion.yaml', validators });
  assert.equal(r.usedDefault, true);
  assert.equal(r.path, '/nonexistent/fion.yaml');
  assert.equal(r.errors.length, 1);
  assert.match(formatConfigError(r.errors[0]!), /^\/nonexistent\/fion\.yaml: cannot read: no such file/);
  assert.deepEqual(content(r.config), content(defaults()));
});

test('loadConfig: a directory or a huge file is refused', () => {
  const dir = tempDir();
  const r = loadConfig({ path: dir, validators });
  assert.equal(r.usedDefault, true);
  assert.match(r.errors[0]!.message, /not a regular file/);
  const big = writeTemp(dir, 'big.yaml', '#'.repeat(MAX_CONFIG_BYTES + 1));
  const r2 = loadConfig({ path: big, validators });
  assert.equal(r2.usedDefault, true);
  assert.match(r2.errors[0]!.message, /larger than/);
});

test('loadConfig: a syntax error in the user file means the defaults', () => {
  const dir = tempDir();
  const path = writeTemp(dir, 'c.yaml', 'terminal: foot\ncolors: {bar_background: "#000"\n');
  const r = loadConfig({ path, validators });
  assert.equal(r.usedDefault, true);
  assert.ok(r.errors.length > 0);
  assert.ok(r.errors.every((e) => e.file === path && e.line >= 2));
  assert.deepEqual(content(r.config), content(defaults()));
});

test('checkConfigFile reports the errors of one file', () => {
  const dir = tempDir();
  const path = writeTemp(dir, 'c.yaml', 'terminal: foot\nbindings:\n  super+a: frob\n');
  assert.deepEqual(checkConfigFile(path, validators).map(formatConfigError), [`${path}:3:12: bindings: unknown command "frob"`]);
  assert.deepEqual(checkConfigFile(path), []);
  assert.equal(checkConfigFile('/nonexistent.yaml').length, 1);
});

test('binary junk never throws', () => {
  const dir = tempDir();
  const path = writeTemp(dir, 'junk.yaml', Buffer.from([0xff, 0xfe, 0, 1, 2, 0x3a, 0x0a, 0x80, 0x5b]));
  const r = loadConfig({ path, validators });
  assert.deepEqual(configProblems(r.config, validators), []);
});

test('mode keys may be sequences; a key that starts another, and Escape, are errors', () => {
  const text = 'modes:\n  tile:\n    keys:\n      "x y": tile next\n      x: tile prev\n      Escape: tile kill\n';
  const r = parseConfig(text, 'seq.yaml', fallbackConfig(), validators);
  const tile = r.config.modes.find((m) => m.name === 'tile')!;
  assert.equal(tile.keys.find((k) => k.keys === 'x y')?.command, 'tile next');
  assert.equal(tile.keys.find((k) => k.keys === 'x'), undefined);
  assert.deepEqual(r.errors.map((e) => e.line), [5, 6]);
  assert.match(r.errors[0]!.message, /overlap/);
  assert.match(r.errors[1]!.message, /Escape/);
});

test('rules: match by class, instance or title (text or /regex/), float and workspace actions, errors at their line', () => {
  const text = [
    'rules:',
    '  - class: Gimp',
    '    float: true',
    '  - title: /^mail /',
    '    workspace: mail',
    '  - class: x',
    '    colour: red',
    '  - title: /(/',
    '    float: true',
    '  - class: y',
  ].join('\n');
  const r = parseConfig(text, 'rules.yaml', fallbackConfig(), validators);
  const own = r.config.rules.slice(0, r.config.rules.length - fallbackConfig().rules.length); // before the shipped ones
  assert.deepEqual(own.map((x) => [x.match, x.float, x.workspace, x.line]), [
    [{ class: 'Gimp' }, true, undefined, 2],
    [{ title: '/^mail /' }, undefined, 'mail', 4],
  ]);
  assert.deepEqual(r.errors.map((e) => e.line), [7, 8, 10]);
});

test('workspaces.outputs pins workspace names to output names', () => {
  const r = parseConfig('workspaces:\n  outputs:\n    "1": HDMI-1\n    web: DP-2\n    bad: ""\n', 'pins.yaml', fallbackConfig(), validators);
  assert.deepEqual(r.config.workspaceOutputs, { '1': 'HDMI-1', web: 'DP-2' });
  assert.deepEqual(r.errors.map((e) => e.line), [5]);
});

test('rules: sticky and corner (picture-in-picture); the shipped rules float PiP windows sticky in a corner', () => {
  const text = ['rules:', '  - class: mpv', '    sticky: true', '    corner: top-left', '  - class: x', '    corner: middle', '  - class: y', '    sticky: 1'].join('\n');
  const r = parseConfig(text, 'rules.yaml', fallbackConfig(), validators);
  assert.deepEqual(r.config.rules[0], { match: { class: 'mpv' }, sticky: true, corner: 'top-left', line: 2, file: 'rules.yaml' });
  assert.deepEqual(r.errors.map((e) => e.line), [6, 8]);
  const pip = fallbackConfig().rules.filter((x) => x.sticky === true && x.float === true && x.corner !== undefined);
  assert.deepEqual(pip.map((x) => x.match), [{ class: 'firefox', title: 'Picture-in-Picture' }, { title: 'Picture in picture' }]);
});

test('dropdowns: name -> command, match and place; a user entry replaces the shipped one of its name; errors at their line', () => {
  const text = [
    'dropdowns:',
    '  term:',
    '    command: [urxvt, -name, drop]',
    '    instance: drop',
    '    height: 0.5',
    '  calc:',
    '    command: xcalc',
    '    title: /^Calc/',
    '    x: 0.7',
    '    width: 0.3',
    '  bad:',
    '    command: foo',
    '    width: 2',
    '  nomatch:',
    '    command: foo',
  ].join('\n');
  const r = parseConfig(text, 'd.yaml', fallbackConfig(), validators);
  assert.deepEqual(r.config.dropdowns.map((d) => [d.name, d.command, d.match, d.place]), [
    ['term', ['urxvt', '-name', 'drop'], { instance: 'drop' }, { x: 0, y: 0, width: 1, height: 0.5 }],
    ['calc', ['xcalc'], { title: '/^Calc/' }, { x: 0.7, y: 0, width: 0.3, height: 0.4 }],
  ]);
  assert.deepEqual(r.errors.map((e) => e.line), [13, 14]);
  assert.deepEqual(fallbackConfig().dropdowns.map((d) => [d.name, d.command, d.match]), [['term', ['xterm', '-class', 'FionDropdown'], { class: 'FionDropdown' }]]);
});

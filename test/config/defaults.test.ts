import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fallbackConfig, shippedConfig } from '../../src/config/defaults.js';
import { loadConfig, loadDefaults, parseConfig } from '../../src/config/index.js';
import { defaultSettings } from '../../src/config/settings.js';
import { SHIPPED_PATH, shippedSource } from '../../scripts/shipped-config.js';
import { defaultConfigPath, userConfigPath } from '../../src/config/paths.js';
import { configProblems } from '../../src/config/validate.js';
import { content, tempDir, validators, writeTemp } from './helpers.js';

test('the shipped default config parses with no errors', () => {
  const r = parseConfig(readFileSync(defaultConfigPath(), 'utf8'), defaultConfigPath(), defaultSettings(), validators);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(configProblems(r.config, validators), []);
  assert.deepEqual(loadDefaults(validators).errors, []);
});

test('src/config/shipped.ts is what config/fion.yaml parses to (node dist/scripts/shipped-config.js --write)', () => {
  assert.equal(readFileSync(SHIPPED_PATH, 'utf8'), shippedSource());
});

test('the shipped file is not parsed: its snapshot is the parse, file names and lines included', () => {
  const path = defaultConfigPath();
  const text = readFileSync(path, 'utf8');
  assert.deepEqual(loadDefaults(validators).config, parseConfig(text, path, defaultSettings(), validators).config);
  assert.deepEqual(shippedConfig(text, path), parseConfig(text, path, defaultSettings()).config);
});

test('a shipped file edited in place, or whose font this machine lacks, is parsed: the edit applies, the error has its line', () => {
  const dir = tempDir();
  const text = readFileSync(defaultConfigPath(), 'utf8');
  const edited = writeTemp(dir, 'edited.yaml', text.replace(/^(\s+resize_step:) 0\.05/m, '$1 0.1'));
  assert.notEqual(readFileSync(edited, 'utf8'), text);
  assert.equal(loadDefaults(validators, edited).config.resizeStep, 0.1);
  const same = writeTemp(dir, 'same.yaml', text);
  const r = loadDefaults({ ...validators, font: (n) => (n === 'monospace 10' ? 'no such font' : null) }, same);
  assert.equal(r.errors.length, 1);
  assert.ok(r.errors[0]!.line > 0, JSON.stringify(r.errors));
  assert.match(r.errors[0]!.message, /no such font/);
});

test('the built-in fallback equals the shipped default file', () => {
  const { config } = loadDefaults(validators);
  assert.deepEqual(content(fallbackConfig()), content(config));
  assert.deepEqual(configProblems(fallbackConfig(), validators), []);
});

test('the default bindings are complete', () => {
  const { config } = loadDefaults(validators);
  const bound = new Map(config.bindings.map((b) => [b.keys, b.command]));
  const expected: [string, string][] = [
    ['super+Return', 'terminal'],
    ['super+shift+q', 'close'],
    ['super+shift+e', 'exit'],
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n): [string, string] => [`super+${n}`, `workspace goto ${n}`]),
    ['super+shift+h', 'tile split horizontal'],
    ['super+shift+v', 'tile split vertical'],
    ['super+shift+d', 'tile kill'],
    ['super+shift+n', 'tile next'],
    ['super+shift+p', 'tile prev'],
    ['super+shift+Left', 'tile resize left'],
    ['super+shift+Right', 'tile resize right'],
    ['super+shift+Up', 'tile resize up'],
    ['super+shift+Down', 'tile resize down'],
    ['super+shift+t', 'tab next'],
    ['super+shift+m', 'tab move next'],
    ['super+shift+f', 'tab float'],
    ['super+f', 'tab fullscreen'],
    ['super+u', 'focus urgent'],
    ['super+minus', 'scratchpad show'],
    ['super+shift+minus', 'scratchpad move'],
    ['super+shift+s', 'sticky toggle'],
    ['super+grave', 'dropdown term'],
    ['super+z', 'undo'],
    ['super+shift+z', 'redo'],
    ['super+shift+w', 'workspace next'],
    ['super+shift+b', 'workspace prev'],
    ['super+shift+a', 'workspace create'],
    ['super+shift+x', 'workspace destroy'],
    ['super+shift+r', 'restart'],
    ['super+shift+c', 'reload'],
  ];
  assert.deepEqual(bound, new Map(expected));
  for (const b of config.bindings) {
    assert.equal(b.file, defaultConfigPath());
    assert.ok(b.line > 0);
  }
});

test('the default modes are complete', () => {
  const { config } = loadDefaults(validators);
  const modes = Object.fromEntries(
    config.modes.map((m) => [m.name, { enter: m.enter, sticky: m.sticky, keys: Object.fromEntries(m.keys.map((k) => [k.keys, k.command])) }]),
  );
  const digits = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [String(n), `workspace goto ${n}`]));
  assert.deepEqual(modes, {
    workspace: {
      enter: 'super+w',
      sticky: false,
      keys: {
        n: 'workspace next', p: 'workspace prev', c: 'workspace create', d: 'workspace destroy', ...digits,
        r: 'prompt workspace rename', 'm n': 'workspace move next', 'm p': 'workspace move prev', o: 'monitor next',
      },
    },
    tile: {
      enter: 'super+t',
      sticky: false,
      keys: {
        n: 'tile next',
        p: 'tile prev',
        c: 'tile split auto',
        d: 'tile kill',
        h: 'tile split horizontal',
        v: 'tile split vertical',
        Left: 'tile resize left',
        Right: 'tile resize right',
        Up: 'tile resize up',
        Down: 'tile resize down',
        'm n': 'tile move next',
        'm p': 'tile move prev',
        u: 'undo',
        'shift+u': 'redo',
      },
    },
    tab: { enter: 'super+Tab', sticky: false, keys: { n: 'tab next', p: 'tab prev', c: 'tab new', d: 'tab close', 'm n': 'tab move next', 'm p': 'tab move prev', f: 'tab float', 'shift+f': 'tab fullscreen' } },
    float: {
      enter: 'super+g',
      sticky: true,
      keys: {
        Left: 'float move left 20', Right: 'float move right 20', Up: 'float move up 20', Down: 'float move down 20',
        'shift+Left': 'float resize left 20', 'shift+Right': 'float resize right 20',
        'shift+Up': 'float resize up 20', 'shift+Down': 'float resize down 20',
      },
    },
    run: { enter: 'super+r', sticky: false, keys: { t: 'terminal' } },
  });
});

test('the default scalars', () => {
  const { config } = loadDefaults(validators);
  assert.deepEqual(config.terminal, ['x-terminal-emulator']);
  assert.equal(config.font, 'monospace 10', 'anti-aliased where fontconfig has a monospace face');
  assert.deepEqual(config.fontFallbacks, ['-misc-fixed-medium-r-normal--13-120-75-75-c-70-iso10646-1'], 'misc-fixed without RENDER');
  assert.equal(config.colors.barBackground, 0x1d2021);
  assert.equal(config.colors.emptyTileBackground, 0x282828);
  assert.equal(config.bar.clock, 'yyyy-MM-dd HH:mm:ss');
  assert.equal(config.resizeStep, 0.05);
  assert.deepEqual(config.workspaceNames, []);
});

test('every line of the shipped file that sets something has a comment nearby', () => {
  // The default config is documentation: each top-level key is preceded or followed by a comment.
  const lines = readFileSync(defaultConfigPath(), 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (/^[a-z_]+:/.test(line)) {
      const commented = line.includes('#') || (lines[i - 1] ?? '').startsWith('#');
      assert.ok(commented, `line ${i + 1} (${line}) has no comment`);
    }
  });
});

test('a missing or broken default file falls back to the built-in defaults', () => {
  const missing = loadDefaults(validators, '/nonexistent/fion.yaml');
  assert.deepEqual(content(missing.config), content(fallbackConfig()));
  assert.equal(missing.errors.length, 1);
});

test('defaultConfigPath finds config/fion.yaml; userConfigPath follows XDG', () => {
  assert.match(defaultConfigPath(), /config[/\\]fion\.yaml$/);
  assert.equal(userConfigPath({ XDG_CONFIG_HOME: '/x/cfg', HOME: '/home/u' }), '/x/cfg/fion/config.yaml');
  assert.equal(userConfigPath({ HOME: '/home/u' }), '/home/u/.config/fion/config.yaml');
  assert.equal(userConfigPath({ XDG_CONFIG_HOME: '', HOME: '/home/u' }), '/home/u/.config/fion/config.yaml');
  assert.equal(userConfigPath({ XDG_CONFIG_HOME: 'relative', HOME: '/home/u' }), '/home/u/.config/fion/config.yaml');
});

test('with no user file, loadConfig uses the defaults', () => {
  const r = loadConfig({ env: { HOME: '/nonexistent-home', XDG_CONFIG_DIRS: '/nonexistent-dirs' }, validators });
  assert.equal(r.usedDefault, true);
  assert.equal(r.path, defaultConfigPath());
  assert.deepEqual(r.errors, []);
  assert.deepEqual(content(r.config), content(fallbackConfig()));
});

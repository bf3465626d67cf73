// The system's config ($XDG_CONFIG_DIRS/fion/config.yaml, default /etc/xdg): read over the
// shipped defaults and under the user's file.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatConfigError, loadConfig } from '../../src/config/load.js';
import { defaultConfigPath, systemConfigPaths } from '../../src/config/paths.js';
import type { Config } from '../../src/config/types.js';
import { tempDir, validators } from './helpers.js';

/** dir/fion/config.yaml holding text; its path. */
function fionFile(dir: string, text: string): string {
  mkdirSync(join(dir, 'fion'), { recursive: true });
  const path = join(dir, 'fion', 'config.yaml');
  writeFileSync(path, text);
  return path;
}

const binding = (c: Config, keys: string): string | undefined => c.bindings.find((b) => b.keys === keys)?.command;

test('systemConfigPaths: $XDG_CONFIG_DIRS in order (absolute entries only), else /etc/xdg', () => {
  assert.deepEqual(systemConfigPaths({}), ['/etc/xdg/fion/config.yaml']);
  assert.deepEqual(systemConfigPaths({ XDG_CONFIG_DIRS: '' }), ['/etc/xdg/fion/config.yaml']);
  assert.deepEqual(systemConfigPaths({ XDG_CONFIG_DIRS: '/a:relative::/b:/a' }), ['/a/fion/config.yaml', '/b/fion/config.yaml']);
  assert.deepEqual(systemConfigPaths({ XDG_CONFIG_DIRS: 'relative' }), ['/etc/xdg/fion/config.yaml']);
});

test('a system file applies over the shipped defaults when the user has none', () => {
  const sys = tempDir();
  const path = fionFile(sys, 'terminal: foot\nbindings:\n  super+a: workspace next\n');
  const r = loadConfig({ env: { XDG_CONFIG_DIRS: sys, XDG_CONFIG_HOME: tempDir() }, validators });
  assert.deepEqual(r.errors, []);
  assert.equal(r.path, path);
  assert.equal(r.usedDefault, false);
  assert.deepEqual(r.config.terminal, ['foot']);
  assert.equal(binding(r.config, 'super+a'), 'workspace next');
  assert.equal(binding(r.config, 'super+Return'), 'terminal', 'the shipped bindings stay');
});

test("the user's file goes over the system's, key by key", () => {
  const sys = tempDir();
  fionFile(sys, 'terminal: foot\ntiles:\n  resize_step: 0.1\nbindings:\n  super+a: workspace next\n  super+b: workspace prev\n');
  const home = tempDir();
  const user = fionFile(home, 'terminal: kitty\nbindings:\n  super+a: tile next\n  super+b: none\n');
  const r = loadConfig({ env: { XDG_CONFIG_DIRS: sys, XDG_CONFIG_HOME: home }, validators });
  assert.deepEqual(r.errors, []);
  assert.equal(r.path, user);
  assert.deepEqual(r.config.terminal, ['kitty']);
  assert.equal(r.config.resizeStep, 0.1, "the system's setting the user does not set stays");
  assert.equal(binding(r.config, 'super+a'), 'tile next');
  assert.equal(binding(r.config, 'super+b'), undefined, 'none removes a system binding');
});

test('--config also goes over the system file', () => {
  const sys = tempDir();
  fionFile(sys, 'tiles:\n  resize_step: 0.1\n');
  const other = join(tempDir(), 'other.yaml');
  writeFileSync(other, 'terminal: kitty\n');
  const r = loadConfig({ path: other, env: { XDG_CONFIG_DIRS: sys }, validators });
  assert.deepEqual(r.config.terminal, ['kitty']);
  assert.equal(r.config.resizeStep, 0.1);
});

test('the first directory of $XDG_CONFIG_DIRS is the most important', () => {
  const first = tempDir();
  const second = tempDir();
  const path = fionFile(first, 'terminal: foot\n');
  fionFile(second, 'terminal: xterm\ntiles:\n  resize_step: 0.2\n');
  const r = loadConfig({ env: { XDG_CONFIG_DIRS: `${first}:${second}`, XDG_CONFIG_HOME: tempDir() }, validators });
  assert.deepEqual(r.errors, []);
  assert.equal(r.path, path);
  assert.deepEqual(r.config.terminal, ['foot']);
  assert.equal(r.config.resizeStep, 0.2);
});

test('a broken system file is reported and skipped; the user file still applies', () => {
  const sys = tempDir();
  const bad = fionFile(sys, 'terminal: [unclosed\n');
  const home = tempDir();
  fionFile(home, 'terminal: kitty\n');
  const r = loadConfig({ env: { XDG_CONFIG_DIRS: sys, XDG_CONFIG_HOME: home }, validators });
  assert.equal(r.errors.length, 1);
  assert.ok(formatConfigError(r.errors[0]!).startsWith(`${bad}:`), formatConfigError(r.errors[0]!));
  assert.deepEqual(r.config.terminal, ['kitty']);
});

test('a system file with a bad entry applies the rest', () => {
  const sys = tempDir();
  const path = fionFile(sys, 'terminal: foot\ncolors:\n  bar_background: red\n');
  const r = loadConfig({ env: { XDG_CONFIG_DIRS: sys, XDG_CONFIG_HOME: tempDir() }, validators });
  assert.deepEqual(r.errors.map(formatConfigError), [`${path}:3:19: colors.bar_background: expected a colour "#rrggbb" or "#rgb", got "red"`]);
  assert.deepEqual(r.config.terminal, ['foot']);
});

test('a system file that is a copy of the shipped one changes nothing', () => {
  const sys = tempDir();
  const path = fionFile(sys, readFileSync(defaultConfigPath(), 'utf8'));
  const r = loadConfig({ env: { XDG_CONFIG_DIRS: sys, XDG_CONFIG_HOME: tempDir() }, validators });
  const shipped = loadConfig({ env: { XDG_CONFIG_DIRS: tempDir(), XDG_CONFIG_HOME: tempDir() }, validators });
  assert.deepEqual(r.errors, []);
  assert.equal(r.path, path);
  assert.deepEqual(r.config, shipped.config);
});

test('without a system file, the shipped defaults are the base', () => {
  const r = loadConfig({ env: { XDG_CONFIG_DIRS: tempDir(), XDG_CONFIG_HOME: tempDir() }, validators });
  assert.equal(r.path, defaultConfigPath());
  assert.equal(r.usedDefault, true);
  assert.deepEqual(r.errors, []);
});

test('a copy of the shipped file still goes over a less important system file', () => {
  const first = tempDir();
  const second = tempDir();
  fionFile(first, readFileSync(defaultConfigPath(), 'utf8'));
  fionFile(second, 'terminal: foot\n');
  const r = loadConfig({ env: { XDG_CONFIG_DIRS: `${first}:${second}`, XDG_CONFIG_HOME: tempDir() }, validators });
  assert.deepEqual(r.config.terminal, ['x-terminal-emulator']);
});

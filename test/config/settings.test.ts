// The settings table against everything that restates it: the shipped file
// (defaults, documentation), the README's reference, the Config type, and the
// reader itself (defaults read back, misspelt keys get a suggestion).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isMap, isPair, isScalar, LineCounter, parseDocument, stringify, type Pair } from 'yaml';
import { withReference } from '../../scripts/settings-doc.js';
import { loadDefaults, parseConfig } from '../../src/config/index.js';
import { defaultConfigPath } from '../../src/config/paths.js';
import { defaultSettings, SETTINGS } from '../../src/config/settings.js';
import type { BarConfig, Colors, Config } from '../../src/config/types.js';
import { configProblems } from '../../src/config/validate.js';
import { validators } from './helpers.js';

const SHIPPED = readFileSync(defaultConfigPath(), 'utf8');

test('every default in the table is what the shipped file sets', () => {
  const { config, errors } = loadDefaults(validators);
  assert.deepEqual(errors, []);
  for (const s of SETTINGS) assert.deepEqual(s.yamlIn(config), s.defaultYaml, `${s.path}: the table and config/fion.yaml disagree`);
});

/** The pair for a key path in a parsed YAML mapping, or undefined. */
function pairAt(root: unknown, path: string): Pair | undefined {
  let node = root;
  let found: Pair | undefined;
  for (const key of path.split('.')) {
    if (!isMap(node)) return undefined;
    found = node.items.find((p): p is Pair => isPair(p) && isScalar(p.key) && p.key.value === key);
    if (found === undefined) return undefined;
    node = found.value;
  }
  return found;
}

test('every setting in the table is in the shipped file, with a comment on its line or just above it', () => {
  const lc = new LineCounter();
  const doc = parseDocument(SHIPPED, { lineCounter: lc });
  const lines = SHIPPED.split('\n');
  for (const s of SETTINGS) {
    const pair = pairAt(doc.contents, s.path);
    assert.ok(pair !== undefined && isScalar(pair.key), `${s.path} is not in config/fion.yaml`);
    const line = lc.linePos(pair.key.range?.[0] ?? 0).line;
    // A comment: a # after the value on its line (quoted text such as "#1d2021" aside), or a comment line above.
    const own = (lines[line - 1] ?? '').replace(/"[^"]*"|'[^']*'/g, '""');
    const above = (lines[line - 2] ?? '').trim();
    assert.ok(/\s#/.test(own) || above.startsWith('#'), `${s.path} (line ${line} of config/fion.yaml) has no comment`);
  }
});

test("the README's settings reference is the one the table generates (node dist/scripts/settings-doc.js --write)", () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const current = withReference(readme);
  assert.ok(current !== null, 'README.md has the settings markers');
  assert.equal(readme, current, 'README.md: the settings reference is out of date');
  for (const s of SETTINGS) assert.ok(readme.includes(`| \`${s.path}\` |`), `${s.path} is not in the README`);
});

test('each default, written as YAML, reads back as that default', () => {
  for (const s of SETTINGS) {
    const value = stringify(s.defaultYaml, { collectionStyle: 'flow', lineWidth: 0 }).trim();
    const text = s.section === null ? `${s.key}: ${value}\n` : `${s.section}:\n  ${s.key}: ${value}\n`;
    const r = parseConfig(text, 'default.yaml', defaultSettings(), validators);
    assert.deepEqual(r.errors, [], text);
    assert.deepEqual(s.yamlIn(r.config), s.defaultYaml, text);
  }
});

test('a misspelt key of every setting is reported with the right suggestion', () => {
  for (const s of SETTINGS) {
    const typo = `${s.key[0]}${s.key}`; // the first letter doubled: one edit away
    const text = s.section === null ? `${typo}: x\n` : `${s.section}:\n  ${typo}: x\n`;
    const r = parseConfig(text, 'typo.yaml', defaultSettings(), validators);
    assert.equal(r.errors.length, 1, text);
    assert.match(r.errors[0]!.message, new RegExp(` "${typo}" \\(did you mean "${s.key}"\\?\\)$`), text);
  }
});

test('the table fills every field of a Config, each with a good value', () => {
  // Written out so that the compiler keeps these lists complete: a new field must be listed here.
  const configFields: Record<keyof Config, true> = {
    terminal: true, keyboardLayoutPerWindow: true, autostart: true, launchTimeout: true, placement: true, font: true, fontFallbacks: true, colors: true, bar: true, gaps: true, borders: true, tabs: true, resizeStep: true, workspaceNames: true,
    workspaceOutputs: true, monitors: true, mouse: true, session: true, bindings: true, modes: true, rules: true, dropdowns: true, showMarks: true, autoBackAndForth: true,
  };
  const colourFields: Record<keyof Colors, true> = {
    barBackground: true, barForeground: true, barModeBackground: true, barModeForeground: true, barMessageForeground: true,
    tabBackground: true, tabForeground: true, tabShownBackground: true, tabShownForeground: true, tabFocusedBackground: true,
    tabFocusedForeground: true, tabUrgentBackground: true, emptyTileBackground: true, barWorkspaceForeground: true,
    barCurrentWorkspaceBackground: true, barCurrentWorkspaceForeground: true, barUrgentBackground: true,
    barUrgentForeground: true, barSeparator: true, barPlaceholder: true, borderFocused: true, borderUnfocused: true, borderUrgent: true,
  };
  // zone is absent by default (local time); the others are always there.
  const barFields: Record<Exclude<keyof BarConfig, 'zone'>, true> = { clock: true, clocks: true, statusCommand: true, statusShell: true, hidden: true, trayOutput: true, trayPadding: true, trayReplace: true };
  const monitorFields: Record<keyof Config['monitors'], true> = { source: true, shownElsewhere: true, remember: true, scale: true };
  const spacingFields: Record<string, Record<string, true>> = {
    gaps: { inner: true, outer: true, smart: true } satisfies Record<keyof Config['gaps'], true>,
    borders: { width: true, smart: true } satisfies Record<keyof Config['borders'], true>,
    tabs: { hideSingle: true, minWidth: true, icons: true } satisfies Record<keyof Config['tabs'], true>,
  };
  const c = defaultSettings();
  const keys = (o: object): string[] => Object.keys(o).sort();
  assert.deepEqual(keys(c), keys(configFields));
  assert.deepEqual(keys(c.colors), keys(colourFields));
  assert.deepEqual(keys(c.bar), keys(barFields));
  assert.deepEqual(keys(c.monitors), keys(monitorFields));
  for (const k of ['gaps', 'borders', 'tabs'] as const) assert.deepEqual(keys(c[k]), keys(spacingFields[k]!), k);
  assert.deepEqual(configProblems(c, validators), []);
});

test('configProblems checks every setting with its kind', () => {
  const c = defaultSettings();
  c.colors.tabBackground = 0x1000000;
  c.resizeStep = 0.5;
  c.monitors.source = 'nowhere' as Config['monitors']['source'];
  c.bar.zone = 'Mars/Base';
  c.terminal = [];
  assert.deepEqual(configProblems(c, validators).map((p) => p.replace(/ .*/, '')), [
    'terminal', 'colors.tab_background', 'bar.zone', 'tiles.resize_step', 'monitors.source',
  ]);
});

test('colors.empty_tile_background takes a colour or none; gaps and borders take whole pixels', () => {
  const read = (text: string): ReturnType<typeof parseConfig> => parseConfig(text, 'c.yaml', defaultSettings(), validators);
  assert.equal(read('colors:\n  empty_tile_background: none\n').config.colors.emptyTileBackground, null);
  assert.equal(read('colors:\n  empty_tile_background: "#abc"\n').config.colors.emptyTileBackground, 0xaabbcc);
  assert.match(read('colors:\n  empty_tile_background: nothing\n').errors[0]!.message, /colour/);
  const spaced = read('gaps: {inner: 8, outer: 4, smart: true}\nborders: {width: 2}\ntabs: {hide_single: true, min_width: 100}\n');
  assert.deepEqual(spaced.errors, []);
  assert.deepEqual([spaced.config.gaps, spaced.config.borders, spaced.config.tabs], [{ inner: 8, outer: 4, smart: true }, { width: 2, smart: false }, { hideSingle: true, minWidth: 100, icons: true }]);
  for (const bad of ['gaps: {inner: -1}', 'gaps: {outer: 2.5}', 'borders: {width: 1000}', 'tabs: {min_width: 3}']) {
    const r = read(`${bad}\n`);
    assert.equal(r.errors.length, 1, bad);
    assert.deepEqual([r.config.gaps, r.config.borders, r.config.tabs], [defaultSettings().gaps, defaultSettings().borders, defaultSettings().tabs], `${bad} changes nothing`);
  }
});

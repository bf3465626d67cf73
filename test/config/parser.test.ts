// The YAML parser loads only when a config file needs parsing (src/config/parser.ts): a
// start with the unedited shipped file and no file of the user's goes without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { configParserLoaded } from '../../src/config/parser.js';
import { tempDir } from '../harness/tmp.js';

const dir = tempDir('fion-parser-');
const env = { XDG_CONFIG_HOME: join(dir, 'home'), XDG_CONFIG_DIRS: join(dir, 'system'), HOME: dir };

test('the shipped config alone is loaded without the parser', () => {
  const r = loadConfig({ env });
  assert.deepEqual(r.errors, []);
  assert.equal(r.usedDefault, true);
  assert.equal(r.config.placement, 'tab');
  assert.equal(configParserLoaded(), false);
});

test("a user's file loads the parser at once, and applies", () => {
  mkdirSync(join(dir, 'home', 'fion'), { recursive: true });
  writeFileSync(join(dir, 'home', 'fion', 'config.yaml'), 'placement: split\nterminal: [foot]\n');
  const r = loadConfig({ env });
  assert.deepEqual(r.errors, []);
  assert.equal(r.config.placement, 'split');
  assert.deepEqual(r.config.terminal, ['foot']);
  assert.equal(configParserLoaded(), true);
});

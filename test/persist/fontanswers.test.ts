// fontconfig's answers kept across starts: used only under the stamp they were written with,
// each file still there; garbage is ignored; the stamp moves with fontconfig's inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FontFile } from '../../src/render/fontconfig.js';
import { fontAnswersPath, fontconfigStamp, readFontAnswers, writeFontAnswers } from '../../src/persist/fontanswers.js';
import { xdgHome } from '../../src/persist/xdg.js';
import { tempDir } from '../harness/tmp.js';

const dir = tempDir('fion-fontanswers-');
const fontFile = join(dir, 'Face.ttf');
writeFileSync(fontFile, 'not really a face');
const face: FontFile = { file: fontFile, index: 0, families: ['Face'] };

test('the file is $XDG_CACHE_HOME/fion/fonts.json, else under ~/.cache', () => {
  assert.equal(fontAnswersPath({ XDG_CACHE_HOME: '/c' }), '/c/fion/fonts.json');
  assert.equal(fontAnswersPath({ HOME: '/h' }), '/h/.cache/fion/fonts.json');
  assert.equal(fontAnswersPath({ HOME: '/h', XDG_CACHE_HOME: 'relative' }), '/h/.cache/fion/fonts.json', 'a relative path is ignored, as the spec says');
  assert.equal(xdgHome('XDG_STATE_HOME', { HOME: '/h' }), '/h/.local/state');
});

test('written private and whole, read back under the same stamp only', () => {
  const path = join(dir, 'a', 'fion', 'fonts.json');
  assert.equal(readFontAnswers(path, 's1').size, 0, 'none yet');
  writeFontAnswers(path, 's1', new Map([['monospace', face], ['Face', face]]));
  assert.equal(statSync(path).mode & 0o777, 0o600);
  assert.deepEqual(readdirSync(join(path, '..')), ['fonts.json']);
  assert.deepEqual(readFontAnswers(path, 's1'), new Map([['monospace', face], ['Face', face]]));
  assert.equal(readFontAnswers(path, 's2').size, 0, 'fontconfig changed since');
});

test('an answer whose file is gone, or that is not a font file answer, is dropped; garbage is ignored', () => {
  const path = join(dir, 'b.json');
  const good = { file: fontFile, index: 0, families: ['Face'] };
  const answers = {
    ok: good, gone: { ...good, file: join(dir, 'Gone.ttf') }, relative: { ...good, file: 'Face.ttf' },
    negative: { ...good, index: -1 }, families: { ...good, families: [1] }, nothing: null,
  };
  writeFileSync(path, JSON.stringify({ format: 'fion-font-answers', stamp: 's', answers }));
  assert.deepEqual([...readFontAnswers(path, 's').keys()], ['ok']);
  for (const text of ['', '{', '[]', 'null', '{"format":"x","stamp":"s","answers":{}}', '{"format":"fion-font-answers","stamp":"s","answers":7}']) {
    writeFileSync(path, text);
    assert.equal(readFontAnswers(path, 's').size, 0, text);
  }
});

test('the stamp: the same while nothing changes; another when a fontconfig file or font folder changes, or its variables do', () => {
  const home = tempDir('fion-fchome-');
  const env = { HOME: home, XDG_CONFIG_HOME: join(home, 'cfg'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache') };
  const a = fontconfigStamp(env);
  assert.equal(fontconfigStamp(env), a);
  mkdirSync(join(home, 'cfg', 'fontconfig'), { recursive: true });
  const b = fontconfigStamp(env);
  assert.notEqual(b, a, 'a fontconfig folder appears');
  writeFileSync(join(home, 'cfg', 'fontconfig', 'fonts.conf'), '<fontconfig/>');
  const c = fontconfigStamp(env);
  assert.notEqual(c, b, 'its fonts.conf appears');
  utimesSync(join(home, 'cfg', 'fontconfig', 'fonts.conf'), new Date(2020, 1, 1), new Date(2020, 1, 1));
  assert.notEqual(fontconfigStamp(env), c, 'fonts.conf edited');
  const d = fontconfigStamp(env);
  mkdirSync(join(home, 'data', 'fonts'), { recursive: true });
  assert.notEqual(fontconfigStamp(env), d, 'a font folder of the user appears');
  assert.notEqual(fontconfigStamp({ ...env, FONTCONFIG_FILE: '/etc/other.conf' }), fontconfigStamp(env));
  assert.notEqual(fontconfigStamp({ ...env, LANG: 'ja_JP.UTF-8' }), fontconfigStamp(env));
});

// The manual pages are made from the declarations they describe (scripts/man.ts): the
// copies in man/ must be current, and groff must format them without a warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PAGES, roff } from '../../scripts/man.js';
import { SETTINGS } from '../../src/config/settings.js';
import { VERBS } from '../../src/commands/verbs/index.js';

const dir = fileURLToPath(new URL('../../../man/', import.meta.url));

test('man/ holds the pages as the declarations make them (node dist/scripts/man.js --write)', () => {
  for (const [name, make] of Object.entries(PAGES)) assert.equal(readFileSync(`${dir}${name}`, 'utf8'), make(), `man/${name} is out of date`);
});

test('every setting is in fion(5) and every verb in fion(1)', () => {
  const five = readFileSync(`${dir}fion.5`, 'utf8');
  for (const s of SETTINGS) assert.ok(five.includes(`.B ${roff(s.path)}\n`), s.path);
  const one = readFileSync(`${dir}fion.1`, 'utf8');
  for (const v of VERBS) assert.ok(one.includes(`.B ${roff(v.word)}\n`), v.word);
});

test('groff formats each page without a warning', () => {
  for (const name of Object.keys(PAGES)) {
    const out = execFileSync('groff', ['-ww', '-man', '-Tutf8', `${dir}${name}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.ok(out.length > 500, name);
    // execFileSync throws on a non-zero exit; warnings go to stderr:
    const warnings = execFileSync('sh', ['-c', `groff -ww -man -Tutf8 "$1" 2>&1 >/dev/null`, 'sh', `${dir}${name}`], { encoding: 'utf8' });
    assert.equal(warnings, '', `${name}: ${warnings}`);
  }
});

test('roff text: backslashes, hyphens, a leading dot and non-ASCII are escaped', () => {
  assert.equal(roff('a\\b-c'), 'a\\eb\\-c');
  assert.equal(roff('.TH x'), '\\&.TH x');
  assert.equal(roff('a — b'), 'a \\[u2014] b');
});

// Bad input of every kind: parsing never throws and always yields a valid Config.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { fallbackConfig } from '../../src/config/defaults.js';
import { parseConfig } from '../../src/config/index.js';
import { defaultConfigPath } from '../../src/config/paths.js';
import { configProblems } from '../../src/config/validate.js';
import { validators } from './helpers.js';

const DEFAULT_TEXT = readFileSync(defaultConfigPath(), 'utf8');

function check(text: string): void {
  const r = parseConfig(text, 'fuzz.yaml', fallbackConfig(), validators);
  assert.deepEqual(configProblems(r.config, validators), []);
  for (const e of r.errors) {
    assert.equal(e.file, 'fuzz.yaml');
    assert.ok(Number.isInteger(e.line) && e.line >= 0);
    assert.ok(Number.isInteger(e.column) && e.column >= 0);
    assert.equal(typeof e.message, 'string');
  }
  if (!r.applied) assert.ok(r.errors.length > 0, 'an ignored file always says why');
  // Parsing the shipped file over an empty base is how defaults load: must be valid too.
  const bare = parseConfig(text, 'fuzz.yaml', { ...fallbackConfig(), bindings: [], modes: [] }, validators);
  assert.deepEqual(configProblems(bare.config, validators), []);
}

/** Text that looks a bit like YAML: keys, colons, dashes, quotes, brackets, indentation. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'terminal', 'font', 'colors', 'bar', 'tiles', 'workspaces', 'bindings', 'modes', 'enter', 'sticky', 'keys',
        'names', 'resize_step', 'clock', 'bar_background', 'super+', 'shift+', 'q', 'Return', 'none', 'true', '0.05',
        '"#123456"', '#', ':', ': ', '\n', '\n  ', '\n    ', '- ', '[', ']', '{', '}', ',', '"', "'", '&a ', '*a', '!!str ',
        '? ', '---\n', '...\n', '\t', '~', 'tile next', 'workspace goto 1',
      ),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

test('fuzz: random strings', () => {
  fc.assert(fc.property(fc.string({ maxLength: 400 }), check), { numRuns: 300 });
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 200 });
  fc.assert(fc.property(yamlish, check), { numRuns: 500 });
});

test('fuzz: truncations of the default file', () => {
  fc.assert(fc.property(fc.nat({ max: DEFAULT_TEXT.length }), (n) => check(DEFAULT_TEXT.slice(0, n))), { numRuns: 300 });
});

type Edit =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; char: string }
  | { kind: 'swapLines'; a: number; b: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(yamlish, fc.string({ maxLength: 10 })) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), char: fc.constantFrom(':', ' ', '\n', '#', '"', '-', '+', 'x', '\t', '{', '[') }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
);

function apply(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : ('at' in e ? e.at % (text.length + 1) : 0);
  switch (e.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.length);
    case 'insert':
      return text.slice(0, at) + e.text + text.slice(at);
    case 'replace':
      return text.slice(0, at) + e.char + text.slice(at + 1);
    case 'swapLines': {
      const lines = text.split('\n');
      const a = e.a % lines.length;
      const b = e.b % lines.length;
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
  }
}

test('fuzz: mutations of the default file', () => {
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => check(edits.reduce(apply, DEFAULT_TEXT))),
    { numRuns: 300 },
  );
});

test('pathological input: deep nesting, many aliases, long lines, huge text', () => {
  check('['.repeat(5000));
  check('a: '.repeat(3000));
  check('x: &a [' + '1,'.repeat(1000) + ']\n' + Array.from({ length: 3000 }, (_, i) => `k${i}: *a`).join('\n'));
  check('bindings:\n' + Array.from({ length: 2000 }, (_, i) => `  super+F${(i % 35) + 1}: tile next`).join('\n'));
  check('terminal: ' + 'x'.repeat(100_000));
  check('bindings:\n  ' + 'super+'.repeat(10_000) + 'q: close\n');
  check('x'.repeat(2 * 1024 * 1024));
});

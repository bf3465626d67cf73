// `fion check-config` as a user runs it, on random, truncated and hostile
// files: it always ends with exit 0 or 1 and a message, never a crash, a hang
// or a stack trace. (fuzz.test.ts drives the parser in-process; this is the
// whole program: yargs, file reading, output.)
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { defaultConfigPath } from '../../src/config/paths.js';
import { runCli } from '../harness/fion.js';
import { tempDir } from './helpers.js';

const DEFAULT_TEXT = readFileSync(defaultConfigPath(), 'utf8');
const dir = tempDir();

/** A stack trace or an uncaught error as Node prints them. */
const CRASH = /^\s+at .+:\d+:\d+\)?$|Uncaught|Unhandled|TypeError|RangeError|ReferenceError|node:internal/m;

async function checkOne(name: string, content: string | Buffer | null): Promise<void> {
  const file = join(dir, name);
  if (content === null) mkdirSync(file, { recursive: true });
  else writeFileSync(file, content);
  const r = await runCli(['check-config', file]);
  const what = `${name}: exit ${r.code}\nstdout: ${r.stdout.slice(0, 400)}\nstderr: ${r.stderr.slice(0, 800)}`;
  assert.ok(r.code === 0 || r.code === 1, what);
  assert.ok(r.stdout.trim().length > 0, `says something: ${what}`);
  if (r.code === 1) assert.ok(r.stdout.includes(file), `names the file: ${what}`);
  assert.doesNotMatch(r.stdout + r.stderr, CRASH, what);
}

/** Run `jobs` at most `n` at a time: each is a separate Node process. */
async function pool(jobs: (() => Promise<void>)[], n: number): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < jobs.length) await jobs[next++]!();
  }));
}

test('check-config on random and truncated files: exit 0 or 1 with a message, never a crash', { timeout: 180_000 }, async () => {
  const texts: string[] = [
    ...fc.sample(fc.string({ maxLength: 300 }), { numRuns: 5, seed: 11 }),
    ...fc.sample(fc.string({ unit: 'binary', maxLength: 300 }), { numRuns: 3, seed: 12 }),
    // Truncations of the shipped file, at random points and inside its last lines.
    ...fc.sample(fc.nat({ max: DEFAULT_TEXT.length }), { numRuns: 6, seed: 13 }).map((n) => DEFAULT_TEXT.slice(0, n)),
    DEFAULT_TEXT.slice(0, DEFAULT_TEXT.length - 1),
    DEFAULT_TEXT.slice(0, DEFAULT_TEXT.length - 7),
  ];
  const jobs = texts.map((t, i) => () => checkOne(`random-${i}.yaml`, t));
  jobs.push(
    () => checkOne('empty.yaml', ''),
    () => checkOne('deep.yaml', '['.repeat(100_000)),
    () => checkOne('deep-map.yaml', 'a: ' + '{a: '.repeat(50_000)),
    // A "billion laughs": nine levels of nine aliases each.
    () => checkOne('laughs.yaml', ['a0: &a0 [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`), 'bindings: *a9'].join('\n')),
    () => checkOne('binary.yaml', Buffer.from(Array.from({ length: 25_600 }, (_, i) => i % 256))),
    () => checkOne('latin1.yaml', Buffer.from('terminal: caf\xe9\nbar:\n  clock: "\xff"\n', 'latin1')),
    () => checkOne('huge.yaml', 'bindings:\n  super+x: ' + 'y'.repeat(2 * 1024 * 1024)),
    () => checkOne('a-directory.yaml', null),
  );
  await pool(jobs, 3);
});

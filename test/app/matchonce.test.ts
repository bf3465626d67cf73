import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchOnce } from '../../src/app/fonts.js';
import type { FontFile } from '../../src/render/fontconfig.js';

test('at start-up fontconfig is asked once per pattern, a miss included', () => {
  const asked: string[] = [];
  const dejavu: FontFile = { file: '/f/DejaVuSansMono.ttf', index: 0, families: ['DejaVu Sans Mono'] };
  const match = matchOnce((p) => { asked.push(p); return p.startsWith('monospace') ? dejavu : null; });
  assert.deepEqual(match('monospace:size=10'), dejavu);
  assert.deepEqual(match('monospace:size=10'), dejavu);
  assert.equal(match('Nosuch:size=10'), null);
  assert.equal(match('Nosuch:size=10'), null);
  assert.deepEqual(asked, ['monospace:size=10', 'Nosuch:size=10']);
  // Another start (or a reload) asks again.
  matchOnce((p) => { asked.push(p); return null; })('monospace:size=10');
  assert.equal(asked.length, 3);
});

test('files found ahead (while Fion loaded) are not asked again; anything else is', () => {
  const asked: string[] = [];
  const dejavu: FontFile = { file: '/f/DejaVuSansMono.ttf', index: 0, families: ['DejaVu Sans Mono'] };
  const match = matchOnce((p) => { asked.push(p); return null; }, new Map([['monospace:size=10', dejavu]]));
  assert.deepEqual(match('monospace:size=10'), dejavu);
  assert.equal(match('Other:size=10'), null);
  assert.deepEqual(asked, ['Other:size=10']);
  // Every answer of this start, to keep for the next one (persist/fontanswers.ts).
  assert.deepEqual(match.answers, new Map([['monospace:size=10', dejavu], ['Other:size=10', null]]));
});

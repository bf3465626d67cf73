// keysym -> keycodes: the index built once per keyboard map answers as a pass over every
// keycode would (first layout, else the second; unshifted before shifted on one key).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { keycodesFor, type KeyboardMap } from '../../src/x/keyboard.js';

/** The definition: each keycode in order, its column `base` unshifted, else shifted. */
function byPass(kb: KeyboardMap, keysym: number): { keycode: number; shift: boolean }[] {
  for (const base of [0, 2]) {
    const out: { keycode: number; shift: boolean }[] = [];
    for (const [keycode, row] of kb.keysyms) {
      if (row[base] === keysym) out.push({ keycode, shift: false });
      else if (row[base + 1] === keysym) out.push({ keycode, shift: true });
    }
    if (out.length > 0) return out;
  }
  return [];
}

test('keycodesFor answers as a pass over every keycode, for random keyboard maps', () => {
  const row = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 0, maxLength: 4 });
  fc.assert(fc.property(fc.array(row, { maxLength: 12 }), fc.integer({ min: 0, max: 7 }), (rows, sym) => {
    const kb: KeyboardMap = { keysyms: new Map(rows.map((r, i) => [8 + i, r])), superMask: 64, altMask: 8, numLockMask: 16, modeSwitchMask: 0 };
    assert.deepEqual(keycodesFor(kb, sym), byPass(kb, sym));
    assert.deepEqual(keycodesFor(kb, sym), byPass(kb, sym), 'asked again, from the index');
  }), { numRuns: 500 });
});

test('a new keyboard map (after MappingNotify) is indexed anew', () => {
  const a: KeyboardMap = { keysyms: new Map([[24, [0x71, 0x51]]]), superMask: 64, altMask: 8, numLockMask: 16, modeSwitchMask: 0 };
  assert.deepEqual(keycodesFor(a, 0x71), [{ keycode: 24, shift: false }]);
  const b: KeyboardMap = { ...a, keysyms: new Map([[38, [0x71, 0x51]]]) };
  assert.deepEqual(keycodesFor(b, 0x71), [{ keycode: 38, shift: false }]);
  assert.deepEqual(keycodesFor(b, 0x51), [{ keycode: 38, shift: true }]);
});

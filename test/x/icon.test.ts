// Decoding _NET_WM_ICON: pure, no server; hostile and truncated properties are ignored safely.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeIcons, MAX_ICON_SIDE } from '../../src/x/icon.js';
import type { Property } from '../../src/x/port.js';

const CARDINAL = 6;
const prop = (words: readonly number[], type = CARDINAL, format = 32): Property => {
  const data = Buffer.alloc(words.length * 4);
  words.forEach((n, i) => data.writeUInt32LE(n >>> 0, i * 4));
  return { type: type as Property['type'], format, data };
};

test('two images, in order, pixels as written', () => {
  const icons = decodeIcons(prop([1, 1, 0xffff0000, 2, 1, 0x8000ff00, 0x00000000]), CARDINAL);
  assert.deepEqual(icons.map((i) => [i.width, i.height, [...i.argb]]), [[1, 1, [0xffff0000]], [2, 1, [0x8000ff00, 0]]]);
});

test('none, the wrong type or format, and empty data give no icon', () => {
  assert.deepEqual(decodeIcons(null, CARDINAL), []);
  assert.deepEqual(decodeIcons(prop([1, 1, 0xffffffff], 31), CARDINAL), []);
  assert.deepEqual(decodeIcons({ type: CARDINAL as Property['type'], format: 8, data: Buffer.from([1, 0, 0, 0, 1, 0, 0, 0, 1, 2, 3, 4]) }, CARDINAL), []);
  assert.deepEqual(decodeIcons(prop([]), CARDINAL), []);
  assert.deepEqual(decodeIcons(prop([16]), CARDINAL), [], 'a width without a height');
});

test('a truncated image is dropped, the ones before it kept; a size that lies about the data stops the walk', () => {
  assert.deepEqual(decodeIcons(prop([1, 1, 0xff000000, 4, 4, 1, 2, 3]), CARDINAL).map((i) => i.width), [1]);
  assert.deepEqual(decodeIcons(prop([0xffffffff, 0xffffffff, 1, 2]), CARDINAL), [], 'a size that overflows');
  assert.deepEqual(decodeIcons(prop([0, 5, 1, 1, 0xff123456]), CARDINAL).map((i) => [...i.argb]), [[0xff123456]], 'a zero size is skipped');
});

test('an image larger than MAX_ICON_SIDE is skipped, not kept', () => {
  const big = MAX_ICON_SIDE + 1;
  const words = [big, 1, ...new Array<number>(big).fill(0xffffffff), 1, 1, 0xff0000ff];
  assert.deepEqual(decodeIcons(prop(words), CARDINAL).map((i) => i.width), [1]);
});

test('any bytes at all: no throw, and every image has exactly width*height pixels within bounds', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 6 }), (bytes, sizes) => {
    // Small sizes sprinkled in front make real images likely, the random tail makes garbage.
    const head = Buffer.alloc(sizes.length * 4);
    sizes.forEach((n, i) => head.writeUInt32LE(n, i * 4));
    const data = Buffer.concat([head, Buffer.from(bytes)]);
    const icons = decodeIcons({ type: CARDINAL as Property['type'], format: 32, data }, CARDINAL);
    let used = 0;
    for (const i of icons) {
      assert.ok(i.width >= 1 && i.height >= 1 && i.width <= MAX_ICON_SIDE && i.height <= MAX_ICON_SIDE);
      assert.equal(i.argb.length, i.width * i.height);
      used += 2 + i.argb.length;
    }
    assert.ok(used * 4 <= data.length, 'no image reads past the data');
  }), { numRuns: 500 });
});

// Icons for tabs as pure pixel work: the nearest size, scaling into a square, alpha over a colour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { blendOver, pickIcon, scaleIcon } from '../../src/render/iconimage.js';
import type { IconImage } from '../../src/x/icon.js';

const solid = (width: number, height: number, argb: number): IconImage => ({ width, height, argb: new Uint32Array(width * height).fill(argb) });

test('pickIcon: the smallest at least as large, else the largest', () => {
  const imgs = [solid(16, 16, 1), solid(48, 48, 2), solid(32, 32, 3), solid(128, 128, 4)];
  assert.equal(pickIcon(imgs, 20)?.width, 32);
  assert.equal(pickIcon(imgs, 32)?.width, 32);
  assert.equal(pickIcon(imgs, 10)?.width, 16);
  assert.equal(pickIcon(imgs, 200)?.width, 128);
  assert.equal(pickIcon([], 20), null);
});

test('scaleIcon: a solid icon stays solid at any size; the square is size x size', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 48 }), (w, h, size) => {
    const out = scaleIcon(solid(w, h, 0xff204080), size);
    assert.equal(out.width, size);
    assert.equal(out.argb.length, size * size);
    const colours = new Set(out.argb);
    for (const c of colours) assert.ok(c === 0xff204080 || c === 0, `only the colour and transparency, got ${c.toString(16)}`);
    if (w === h) assert.deepEqual([...colours], [0xff204080], 'a square fills the square');
  }), { numRuns: 300 });
});

test('scaleIcon: halves of two colours stay apart; transparent pixels lend no colour', () => {
  const img: IconImage = { width: 4, height: 2, argb: Uint32Array.from([0xffff0000, 0xffff0000, 0xff0000ff, 0xff0000ff, 0xffff0000, 0xffff0000, 0xff0000ff, 0xff0000ff]) };
  const out = scaleIcon(img, 2);
  // 4x2 into 2x2 keeps its aspect: a 2x1 row at the top, the row below transparent.
  assert.deepEqual([...out.argb].filter((p) => p !== 0), [0xffff0000, 0xff0000ff]);
  const half: IconImage = { width: 2, height: 1, argb: Uint32Array.from([0x00ffffff, 0xff00ff00]) };
  assert.deepEqual([...scaleIcon({ ...half, height: 1 }, 1).argb], [(0x80 << 24 | 0x00ff00) >>> 0], 'green at half alpha, no white from the transparent pixel');
});

test('blendOver: opaque keeps the icon, transparent shows the background, half mixes', () => {
  const img: IconImage = { width: 3, height: 1, argb: Uint32Array.from([0xff112233, 0x00ffffff, 0x80ffffff]) };
  const out = blendOver(img, 0x000000);
  assert.deepEqual([...out.slice(0, 2)], [0x112233, 0x000000]);
  assert.equal(out[2], 0x808080);
  fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffff }), (p, bg) => {
    const [v] = blendOver({ width: 1, height: 1, argb: Uint32Array.from([p]) }, bg);
    assert.ok(v! >= 0 && v! <= 0xffffff, 'an opaque RGB pixel');
    for (const shift of [0, 8, 16]) {
      const c = ((p >>> shift) & 0xff), under = ((bg >>> shift) & 0xff), got = ((v! >>> shift) & 0xff);
      assert.ok(got >= Math.min(c, under) && got <= Math.max(c, under), 'each channel between icon and background');
    }
  }));
});

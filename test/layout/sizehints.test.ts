import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applySizeHints } from '../../src/layout/index.js';
import type { SizeHints } from '../../src/model/index.js';
import { hintsArb } from '../model/ops.js';

const loose = { respectMin: false };
const strict = { respectMin: true };
const size = (width: number, height: number): { width: number; height: number } => ({ width, height });

test('no hints: whole pixels, at least 1x1', () => {
  assert.deepEqual(applySizeHints(100.7, 50.2, undefined, strict), size(100, 50));
  assert.deepEqual(applySizeHints(0, -5, {}, strict), size(1, 1));
  assert.deepEqual(applySizeHints(NaN, Infinity, {}, loose), size(1, 1));
});

test('max size caps; min size grows only with respectMin', () => {
  assert.deepEqual(applySizeHints(100, 50, { maxWidth: 80, maxHeight: 40 }, strict), size(80, 40));
  assert.deepEqual(applySizeHints(100, 50, { minWidth: 200, minHeight: 10 }, strict), size(200, 50));
  assert.deepEqual(applySizeHints(100, 50, { minWidth: 200 }, loose), size(100, 50));
  // A fixed-size window.
  const fixed: SizeHints = { minWidth: 300, minHeight: 200, maxWidth: 300, maxHeight: 200 };
  assert.deepEqual(applySizeHints(1000, 700, fixed, strict), size(300, 200));
  assert.deepEqual(applySizeHints(100, 70, fixed, strict), size(300, 200));
  // Bogus min > max: min wins.
  assert.deepEqual(applySizeHints(1000, 700, { minWidth: 500, maxWidth: 300 }, strict), size(500, 700));
});

test('the min size falls back to the base size (and not the other way for aspect)', () => {
  assert.deepEqual(applySizeHints(100, 50, { baseWidth: 300, baseHeight: 10 }, strict), size(300, 50));
});

test('increments count from the base size', () => {
  // xterm-like: base 10x4, cells 6x13.
  const xterm: SizeHints = { baseWidth: 10, baseHeight: 4, widthInc: 6, heightInc: 13, minWidth: 16, minHeight: 17 };
  assert.deepEqual(applySizeHints(800, 600, xterm, strict), size(10 + 131 * 6, 4 + 45 * 13));
  assert.deepEqual(applySizeHints(1000, 762, xterm, strict), size(1000, 758));
  // Too small for one cell: the min size (with respectMin), else the given size.
  assert.deepEqual(applySizeHints(12, 10, xterm, strict), size(16, 17));
  assert.deepEqual(applySizeHints(12, 10, xterm, loose), size(10, 4));
});

test('increments fall back to the min size as their origin, else 0', () => {
  assert.deepEqual(applySizeHints(800, 600, { minWidth: 10, widthInc: 6 }, strict), size(796, 600));
  assert.deepEqual(applySizeHints(800, 600, { widthInc: 7, heightInc: 7 }, strict), size(798, 595));
});

test('aspect ratio: the too-long side shrinks', () => {
  const wide: SizeHints = { minAspect: [16, 9], maxAspect: [16, 9] };
  assert.deepEqual(applySizeHints(1000, 1000, wide, loose), size(999, 562)); // too tall, then 1 px narrower to stay <= 16:9
  assert.deepEqual(applySizeHints(1000, 300, wide, loose), size(533, 300)); // too wide
  const range: SizeHints = { minAspect: [1, 2], maxAspect: [2, 1] };
  assert.deepEqual(applySizeHints(500, 400, range, loose), size(500, 400)); // inside the range: untouched
  assert.deepEqual(applySizeHints(100, 400, range, loose), size(100, 200));
  assert.deepEqual(applySizeHints(900, 100, range, loose), size(200, 100));
});

test('aspect ratio applies to the size minus the base, only when a base is given', () => {
  const square = { minAspect: [1, 1], maxAspect: [1, 1] } as const;
  assert.deepEqual(applySizeHints(500, 300, { ...square, baseWidth: 100, baseHeight: 0 }, loose), size(400, 300));
  // The min size is not subtracted: 500x300 -> 300x300 (with min as base it would be 350x300).
  assert.deepEqual(applySizeHints(500, 300, { ...square, minWidth: 100, minHeight: 50 }, loose), size(300, 300));
});

test('bogus hint values are ignored', () => {
  const bogus: SizeHints = {
    maxWidth: NaN,
    maxHeight: -5,
    widthInc: 0,
    heightInc: -3,
    minAspect: [1, 0],
    maxAspect: [0, 1],
    baseWidth: -10,
    minWidth: Infinity,
  };
  assert.deepEqual(applySizeHints(640, 480, bogus, strict), size(640, 480));
  // An empty aspect range (min > max) is ignored as a whole.
  assert.deepEqual(applySizeHints(640, 480, { minAspect: [2, 1], maxAspect: [1, 2] }, strict), size(640, 480));
});

test('property: without respectMin the result fits the given size; increments and max hold', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 1, max: 4000 }), hintsArb, (w, h, hints) => {
      const r = applySizeHints(w, h, hints, loose);
      assert.ok(Number.isInteger(r.width) && Number.isInteger(r.height));
      assert.ok(r.width >= 1 && r.height >= 1 && r.width <= w && r.height <= h, JSON.stringify(r));
      const ok = (v: number | undefined): v is number => v !== undefined && Number.isInteger(v) && v > 0;
      if (ok(hints.maxWidth)) assert.ok(r.width <= hints.maxWidth);
      if (ok(hints.maxHeight)) assert.ok(r.height <= hints.maxHeight);
      // Increments from the base (else the min size, else 0), when those are clean.
      const clean = (v: number | undefined): boolean => v === undefined || (Number.isInteger(v) && v >= 0);
      if (ok(hints.widthInc) && clean(hints.baseWidth) && clean(hints.minWidth)) {
        const base = hints.baseWidth ?? (hints.minWidth || 0);
        if (r.width > Math.max(base, 1)) assert.equal((r.width - base) % hints.widthInc, 0, 'width increment');
      }
    }),
    { numRuns: 2000 },
  );
});

test('property: with respectMin the result is at least the min size', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 1, max: 4000 }), hintsArb, (w, h, hints) => {
      const r = applySizeHints(w, h, hints, strict);
      const min = (v: number | undefined, fallback: number | undefined): number =>
        v !== undefined && Number.isFinite(v) && v > 0 ? v : fallback !== undefined && Number.isFinite(fallback) && fallback >= 0 ? fallback : 0;
      assert.ok(r.width >= Math.floor(min(hints.minWidth, hints.baseWidth)));
      assert.ok(r.height >= Math.floor(min(hints.minHeight, hints.baseHeight)));
    }),
    { numRuns: 2000 },
  );
});

test('property: aspect bounds hold (to the pixel) without increments or min', () => {
  const ratioArb = fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }));
  fc.assert(
    fc.property(fc.integer({ min: 50, max: 4000 }), fc.integer({ min: 50, max: 4000 }), ratioArb, ratioArb, (w, h, a, b) => {
      const [lo, hi] = a[0] * b[1] <= b[0] * a[1] ? [a, b] : [b, a];
      const r = applySizeHints(w, h, { minAspect: lo, maxAspect: hi }, loose);
      if (r.width < 20 || r.height < 20) return;
      assert.ok(r.width * hi[1] <= hi[0] * r.height, `too wide: ${JSON.stringify(r)}`);
      assert.ok(r.width / r.height >= lo[0] / lo[1] - 1 / r.height - 1e-9, `too tall: ${JSON.stringify(r)}`);
    }),
    { numRuns: 2000 },
  );
});

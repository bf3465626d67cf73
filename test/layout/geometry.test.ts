import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cutTop, distribute, splitRect } from '../../src/layout/index.js';

test('distribute: cumulative rounding, exact total', () => {
  assert.deepEqual(distribute(1000, [1, 1, 1]), [333, 334, 333]);
  assert.deepEqual(distribute(10, [0.5, 0.5]), [5, 5]);
  assert.deepEqual(distribute(7, [0.5, 0.25, 0.25]), [4, 1, 2]); // edges at round(3.5), round(5.25)
  assert.deepEqual(distribute(100, [0.999, 0.001]), [99, 1], 'at least 1 px when there is room');
  assert.deepEqual(distribute(3, [0.001, 0.001, 0.998]), [1, 1, 1]);
  assert.deepEqual(distribute(2, [1, 1, 1]), [0, 1, 1], 'fewer pixels than parts: some get 0, callers clamp');
});

test('distribute: sizes sum to the total and are >= 1 when total >= parts', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 5000 }),
      fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
      (total, weights) => {
        const sizes = distribute(total, weights);
        assert.equal(sizes.length, weights.length);
        assert.equal(sizes.reduce((a, b) => a + b, 0), total);
        for (const s of sizes) assert.ok(Number.isInteger(s) && s >= 0);
        if (total >= weights.length) for (const s of sizes) assert.ok(s >= 1);
        // Never more than a pixel or so from the exact share, unless pushed by the 1 px floor.
        const sum = weights.reduce((a, b) => a + b, 0);
        let acc = 0;
        let edge = 0;
        sizes.forEach((s, i) => {
          acc += weights[i]!;
          edge += s;
          if (weights.every((x) => (x / sum) * total >= 2)) assert.ok(Math.abs(edge - (total * acc) / sum) <= 1);
        });
      },
    ),
    { numRuns: 300 },
  );
});

test('splitRect: rows and columns', () => {
  const r = { x: 10, y: 20, width: 101, height: 50 };
  assert.deepEqual(splitRect(r, 'row', [0.5, 0.5]), [
    { x: 10, y: 20, width: 51, height: 50 },
    { x: 61, y: 20, width: 50, height: 50 },
  ]);
  assert.deepEqual(splitRect(r, 'column', [0.2, 0.8]), [
    { x: 10, y: 20, width: 101, height: 10 },
    { x: 10, y: 30, width: 101, height: 40 },
  ]);
});

test('cutTop keeps both parts at least 1 px when possible', () => {
  const r = { x: 0, y: 0, width: 10, height: 30 };
  assert.deepEqual(cutTop(r, 20), [
    { x: 0, y: 0, width: 10, height: 20 },
    { x: 0, y: 20, width: 10, height: 10 },
  ]);
  assert.deepEqual(cutTop(r, 50)[1], { x: 0, y: 29, width: 10, height: 1 });
  assert.deepEqual(cutTop(r, 0)[1], r);
});

// Decoding docks' struts: pure, no server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeStrut } from '../../src/x/props.js';
import type { Property } from '../../src/x/connection.js';

const cardinals = (...v: number[]): Property => {
  const data = Buffer.alloc(v.length * 4);
  v.forEach((n, i) => data.writeInt32LE(n, i * 4));
  return { type: 6 as Property["type"], format: 32, data };
};

test('a partial strut keeps the stretch of the edge it covers', () => {
  assert.deepEqual(decodeStrut(cardinals(0, 0, 0, 24, 0, 0, 0, 0, 0, 0, 1280, 2559), null),
    { left: 0, right: 0, top: 0, bottom: 24, bottomStartX: 1280, bottomEndX: 2559 });
});

test('unset (0..0) or backwards stretches cover the whole edge; the plain strut is the fallback', () => {
  assert.deepEqual(decodeStrut(cardinals(0, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0), null), { left: 0, right: 0, top: 20, bottom: 0 });
  assert.deepEqual(decodeStrut(cardinals(0, 0, 20, 0, 0, 0, 0, 0, 900, 100, 0, 0), null), { left: 0, right: 0, top: 20, bottom: 0 });
  assert.deepEqual(decodeStrut(null, cardinals(30, 0, 0, 0)), { left: 30, right: 0, top: 0, bottom: 0 });
  assert.equal(decodeStrut(cardinals(1, 2), null), null);
  assert.deepEqual(decodeStrut(cardinals(-5, 1e9, 0, 0), null), { left: 0, right: 10000, top: 0, bottom: 0 });
});

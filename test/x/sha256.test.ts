// The hand-written SHA-256 gives node:crypto's digests, at every length around the block edges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256Hex } from '../../src/x/sha256.js';
import { edidHash } from '../../src/x/randr.js';

const node = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

test('sha256Hex is SHA-256: the standard vectors, every length up to 200 bytes, random data', () => {
  assert.equal(sha256Hex(new Uint8Array(0)), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(sha256Hex(Buffer.from('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  for (let n = 0; n <= 200; n++) {
    const b = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
    assert.equal(sha256Hex(b), node(b), `length ${n}`);
  }
  fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (b) => sha256Hex(b) === node(b)));
});

test('an EDID\'s name is unchanged: the first 16 hex digits of its SHA-256', () => {
  const edid = Uint8Array.from({ length: 128 }, (_, i) => (i * 13) & 0xff);
  assert.equal(edidHash(Buffer.from(edid)), node(edid).slice(0, 16));
});

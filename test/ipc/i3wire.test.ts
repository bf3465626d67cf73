// i3's framing: frames survive any split of the stream; bad magic, oversized lengths and
// garbage stop the reader for good (the server then closes that peer only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodeI3, encodeI3Event, I3_EVENT_BIT, I3_HEADER_BYTES, I3Reader } from '../../src/ipc/i3wire.js';

test('a frame is magic, length and type in host order, then the payload; events set the high bit', () => {
  const f = encodeI3(7, '{"a":1}');
  assert.equal(f.subarray(0, 6).toString(), 'i3-ipc');
  assert.equal(f.readUInt32LE(6), 7); // the test machines are little-endian, as i3 on them
  assert.equal(f.readUInt32LE(10), 7);
  assert.equal(f.subarray(I3_HEADER_BYTES).toString(), '{"a":1}');
  const e = encodeI3Event('tick', '{}');
  assert.equal(e.readUInt32LE(10), (I3_EVENT_BIT | 7) >>> 0);
  assert.equal(encodeI3Event('workspace', '{}').readUInt32LE(10), I3_EVENT_BIT >>> 0);
});

test('frames cut anywhere, or many in one chunk, come out whole and in order', () => {
  fc.assert(fc.property(
    fc.array(fc.record({ type: fc.nat(20), payload: fc.string({ maxLength: 40 }) }), { maxLength: 8 }),
    fc.array(fc.nat(60), { maxLength: 12 }),
    (msgs, cuts) => {
      const all = Buffer.concat(msgs.map((m) => encodeI3(m.type, m.payload)));
      const r = new I3Reader();
      const got: { type: number; payload: string }[] = [];
      let at = 0;
      for (const c of [...cuts, all.length]) {
        const end = Math.min(all.length, at + c);
        const out = r.push(all.subarray(at, end));
        assert.equal(out.error, null);
        for (const f of out.frames) got.push({ type: f.type, payload: f.payload.toString('utf8') });
        at = end;
      }
      assert.deepEqual(got, msgs.map((m) => ({ type: m.type, payload: m.payload })));
    }));
});

test('bad magic, even before a whole header, and an oversized length are errors that stick', () => {
  assert.match(new I3Reader().push(Buffer.from('i3-x')).error ?? '', /bad magic/);
  assert.equal(new I3Reader().push(Buffer.from('i3-')).error, null, 'a prefix of the magic waits for more');
  const big = encodeI3(0, '').subarray(0, I3_HEADER_BYTES);
  big.writeUInt32LE(0xffffffff, 6);
  const r = new I3Reader(1024);
  const first = r.push(Buffer.concat([encodeI3(1, 'ok'), big]));
  assert.deepEqual(first.frames.map((f) => f.payload.toString()), ['ok'], 'frames before the bad one still count');
  assert.match(first.error ?? '', /over the limit/);
  assert.match(r.push(encodeI3(1, 'more')).error ?? '', /over the limit/, 'nothing is read after an error');
});

test('random bytes never throw and never yield more than they hold', () => {
  fc.assert(fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 10 }), (chunks) => {
    const r = new I3Reader(256);
    for (const c of chunks) {
      const out = r.push(Buffer.from(c));
      for (const f of out.frames) assert.ok(f.payload.length <= 256);
    }
  }));
});

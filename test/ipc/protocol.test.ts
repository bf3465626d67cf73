// The socket protocol without a socket: request validation and the capped line splitter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineSplitter, parseRequest } from '../../src/ipc/protocol.js';

test('valid requests parse, with their id', () => {
  assert.deepEqual(parseRequest('{"type":"version","id":7}'), { ok: true, request: { type: 'version', id: 7 } });
  assert.deepEqual(parseRequest('{"type":"command","command":"workspace next"}'),
    { ok: true, request: { type: 'command', command: 'workspace next' } });
  assert.deepEqual(parseRequest('{"type":"subscribe","events":["focus","focus","tile"],"id":"a"}'),
    { ok: true, request: { type: 'subscribe', events: ['focus', 'tile'], id: 'a' } });
});

test('bad requests say what is wrong, keeping the id when there is one', () => {
  const cases: [string, RegExp][] = [
    ['garbage', /bad JSON/],
    ['[1,2]', /JSON object/],
    ['{"type":"nope","id":3}', /expected one of command, tree/],
    ['{"type":"command"}', /"command" must be a string/],
    ['{"type":"command","command":42}', /"command" must be a string/],
    ['{"type":"subscribe","events":[]}', /non-empty list/],
    ['{"type":"subscribe","events":["focus","bogus"]}', /unknown event "bogus"/],
    ['{"type":"version","id":{"x":1}}', /"id" must be/],
    ['null', /JSON object/],
  ];
  for (const [line, error] of cases) {
    const r = parseRequest(line);
    assert.equal(r.ok, false, line);
    if (!r.ok) assert.match(r.error, error, line);
  }
  const r = parseRequest('{"type":"nope","id":3}');
  assert.equal(!r.ok && r.id, 3);
});

test('any string: parseRequest answers, never throws', () => {
  fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (s) => { parseRequest(s); }));
});

test('the splitter cuts lines across chunks and skips an oversized line whole', () => {
  const sp = new LineSplitter(10);
  assert.deepEqual(sp.push(Buffer.from('ab')), []);
  assert.deepEqual(sp.push(Buffer.from('c\nde\r\nf')), [{ line: 'abc' }, { line: 'de' }]);
  assert.deepEqual(sp.push(Buffer.from('0123456789')), [{ oversized: true }], 'f + 10 bytes passes the cap');
  assert.deepEqual(sp.push(Buffer.from('more of the same')), [], 'reported once');
  assert.deepEqual(sp.push(Buffer.from('end\nok\n')), [{ line: 'ok' }], 'the next line is read again');
});

test('a UTF-8 character cut between two chunks comes back whole, wherever the cut', () => {
  const text = Buffer.from('ü東☀🌧\n');
  for (let at = 0; at <= text.length; at++) {
    const sp = new LineSplitter(1000);
    assert.deepEqual([...sp.push(text.subarray(0, at)), ...sp.push(text.subarray(at))], [{ line: 'ü東☀🌧' }], `cut after byte ${at}`);
  }
});

test('property: lines come back whatever the chunking', () => {
  // Any Unicode (graphemes of 1 to 4 UTF-8 bytes and more), cut at any byte: a chunk often
  // ends inside a character.
  const lineArb = fc.string({ maxLength: 20, unit: 'grapheme' }).map((s) => s.replace(/[\n\r]/g, ''));
  fc.assert(fc.property(fc.array(lineArb, { maxLength: 10 }), fc.array(fc.nat(30), { maxLength: 10 }), (lines, cuts) => {
    const text = Buffer.from(lines.map((l) => `${l}\n`).join(''));
    const sp = new LineSplitter(1000);
    const out: string[] = [];
    let at = 0;
    for (const c of [...cuts, text.length]) {
      const end = Math.min(text.length, at + c);
      for (const item of sp.push(text.subarray(at, end))) if ('line' in item) out.push(item.line);
      at = end;
    }
    for (const item of sp.push(text.subarray(at))) if ('line' in item) out.push(item.line);
    assert.deepEqual(out, lines);
  }), { numRuns: 300 });
});

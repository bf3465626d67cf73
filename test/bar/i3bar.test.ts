// The i3bar protocol reader: header, endless array, plain text, garbage, and
// the same stream cut into chunks anywhere giving the same updates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { I3barParser, parseColor, type StatusUpdate } from '../../src/bar/i3bar.js';

const texts = (us: readonly StatusUpdate[]): string[] =>
  us.map((u) => (u.kind === 'blocks' ? u.blocks.map((b) => b.fullText).join('|') : u.kind === 'header' ? `header ${u.header.clickEvents}` : 'error'));

const I3STATUS = '{"version":1,"click_events":true}\n[\n[{"full_text":"a","color":"#ff0000"}]\n,[{"full_text":"b","name":"n","instance":"i","urgent":true,"separator":false,"min_width":50,"align":"right"}]\n';

test('header, then the endless array: one update per block array, with every field', () => {
  const us = new I3barParser().feed(I3STATUS);
  assert.deepEqual(texts(us), ['header true', 'a', 'b']);
  const b = us[2]!.kind === 'blocks' ? us[2]!.blocks[0]! : null;
  assert.deepEqual(b, {
    fullText: 'b', separator: false, separatorBlockWidth: 9, minWidth: 50, align: 'right', urgent: true, name: 'n', instance: 'i',
  });
  assert.equal(us[1]!.kind === 'blocks' ? us[1]!.blocks[0]!.color : null, 0xff0000);
});

test('block arrays may span lines or share one', () => {
  const us = new I3barParser().feed('{"version":1}\n[[{"full_text":\n"x"}],[{"full_text":"y]"}],[]\n');
  assert.deepEqual(texts(us), ['header false', 'x', 'y]', '']);
});

test('no header: plain text lines, each a status', () => {
  const p = new I3barParser();
  assert.deepEqual(texts(p.feed('load 0.1\nload 0.2\npart')), ['load 0.1', 'load 0.2']);
  assert.equal(p.protocol, 'plain');
  assert.deepEqual(texts(p.feed('ial\n')), ['partial']);
});

test('garbage is an error update and the stream recovers at the next line', () => {
  const us = new I3barParser().feed('{"version":1}\n[\n[{"full_text":"ok"}]\nGARBAGE here\n,[{"full_text": nope}]\n,[{"full_text":"again"}]\n,[1,null,{"no":"text"},{"full_text":"kept"}]\n');
  assert.deepEqual(texts(us), ['header false', 'ok', 'error', 'error', 'again', 'kept']);
});

test('a huge line is dropped with an error, not kept in memory', () => {
  const p = new I3barParser();
  const us = p.feed(`plain\n${'x'.repeat(300 * 1024)}\nafter\n`);
  assert.deepEqual(texts(us), ['plain', 'error', 'after']);
  const q = new I3barParser();
  const vs = q.feed(`{"version":1}\n[\n[{"full_text":"${'y'.repeat(300 * 1024)}"}]\n,[{"full_text":"after"}]\n`);
  assert.deepEqual(texts(vs), ['header false', 'error', 'after']);
});

test('colours', () => {
  assert.equal(parseColor('#00ff00'), 0x00ff00);
  assert.equal(parseColor('#00ff0080'), 0x00ff00);
  assert.equal(parseColor('#abc'), 0xaabbcc);
  assert.equal(parseColor('red'), undefined);
  assert.equal(parseColor(3), undefined);
});

test('property: any chunking of a stream gives the same updates', () => {
  const block = fc.record({ full_text: fc.string({ maxLength: 12, unit: 'grapheme' }), color: fc.constantFrom('#123456', 'bad', undefined) });
  const stream = fc.tuple(fc.boolean(), fc.array(fc.array(block, { maxLength: 4 }), { maxLength: 6 }), fc.string({ maxLength: 20 }));
  fc.assert(fc.property(stream, fc.array(fc.nat(), { maxLength: 10 }), ([header, arrays, garbage], cuts) => {
    const text = header
      ? `{"version":1}\n[\n${arrays.map((a) => JSON.stringify(a)).join('\n,')}\n${garbage}\n`
      : `${arrays.map((a) => a.map((b) => b.full_text.replace(/\n/g, ' ')).join(' ')).join('\n')}\n${garbage}\n`;
    const whole = new I3barParser().feed(text);
    const p = new I3barParser();
    const pieces: StatusUpdate[] = [];
    const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
    let last = 0;
    for (const c of [...points, text.length]) {
      pieces.push(...p.feed(text.slice(last, c)));
      last = c;
    }
    assert.deepEqual(pieces, whole);
  }), { numRuns: 300 });
});

test('property: the parser never throws on arbitrary input', () => {
  fc.assert(fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 10 }), (chunks) => {
    const p = new I3barParser();
    p.feed('{"version":1}\n');
    for (const c of chunks) p.feed(c);
  }), { numRuns: 300 });
});

// Xft.dpi from X resources text: found where xrdb writes it, the last one winning; absent,
// garbage or absurd values mean none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xftDpi } from '../../src/app/dpi.js';

test('Xft.dpi is read from resources text', () => {
  assert.equal(xftDpi('Xft.antialias:\t1\nXft.dpi:\t192\nXterm*faceName: Mono\n'), 192);
  assert.equal(xftDpi('Xft.dpi: 120.5'), 120.5);
  assert.equal(xftDpi('Xft.dpi: 96\nXft.dpi: 144\n'), 144, 'the last one wins');
  assert.equal(xftDpi(''), null);
  assert.equal(xftDpi('Xft.dpi: lots\n'), null);
  assert.equal(xftDpi('Xft.dpi: 0\n'), null, 'absurd values are typos');
  assert.equal(xftDpi('Xft.dpi: 100000\n'), null);
  assert.equal(xftDpi('XTerm.Xft.dpi: 192\n! Xft.dpi: 192\n'), null, 'another program\'s, or a comment');
  assert.equal(xftDpi('\u0000\uffff'.repeat(1000)), null, 'garbage');
});

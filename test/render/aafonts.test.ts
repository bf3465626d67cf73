// Anti-aliased text at several sizes, against a recording RENDER: one size per distinct
// scale (Xft.dpi times monitors.scale), each glyph rasterised once per size, a new Xft.dpi
// freeing every glyph set on the server, fallback lookups shared by the sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AaFonts, type FaceSource } from '../../src/render/aafonts.js';
import type { RenderPort } from '../../src/render/aatext.js';
import { Face } from '../../src/render/faces.js';
import { coveragePattern, locate, matchSync, type FontFile } from '../../src/render/fontconfig.js';
import { parseFontName, pixelSize } from '../../src/render/fontname.js';

/** RENDER as a log of what was asked, with glyph sets counted live. */
class Recorder implements RenderPort {
  private next = 100;
  readonly live = new Set<number>();
  readonly freed: number[] = [];
  uploads = 0;
  composites = 0;
  formatOf(): number { return 1; }
  createPicture(): number { return this.next++; }
  freePicture(): void {}
  solidFill(): number { return this.next++; }
  createGlyphSet(): number { const id = this.next++; this.live.add(id); return id; }
  freeGlyphSet(id: number): void {
    assert.ok(this.live.delete(id), `glyph set ${id} freed once, after it was made`);
    this.freed.push(id);
  }
  addGlyphs(gs: number, glyphs: readonly unknown[]): void { assert.ok(this.live.has(gs)); this.uploads += glyphs.length; }
  compositeGlyphs(_src: number, _dst: number, gs: number): void { assert.ok(this.live.has(gs), 'drawn with a live glyph set'); this.composites++; }
}

const spec = parseFontName('DejaVu Sans Mono 10');
if (spec === null || spec.kind !== 'fc') throw new Error('spec');
const file = locate(spec);

function source(finds: number[] = [], found: FontFile | null = null): FaceSource {
  if ('error' in file) throw new Error(file.error);
  return {
    open: (dpi, s) => { const f = Face.open(file, pixelSize(spec as Extract<typeof spec, { kind: 'fc' }>, 96 * dpi) * s); return f === null ? [] : [f]; },
    openFile: (f: FontFile, px: number) => Face.open(f, px),
    find: (cp) => { finds.push(cp); return Promise.resolve(found); },
  };
}

test('one size per distinct scale, kept: a redraw rasterises nothing again', () => {
  const r = new Recorder();
  const aa = AaFonts.open(r, source(), 1)!;
  const one = aa.at(1);
  const two = aa.at(2);
  assert.equal(aa.at(1), one);
  assert.equal(aa.at(2), two, 'the same size object on every draw');
  assert.notEqual(one, two);
  assert.ok(Math.abs(two.pixels - 2 * one.pixels) < 0.01, `${two.pixels} px against ${one.pixels}`);
  assert.ok(two.ascent >= 2 * one.ascent - 1 && two.ascent <= 2 * one.ascent + 1);
  assert.ok(aa.shape(2).charWidth >= 2 * aa.shape(1).charWidth - 1);
  aa.draw(1, 1, 2, '12:34:56', 0, 20, 0xffffff);
  const rasterised = two.glyphs.rasterised;
  const uploads = r.uploads;
  assert.ok(rasterised > 0 && uploads > 0);
  aa.draw(2, 1, 2, '12:34:56', 0, 20, 0xffffff);
  assert.equal(two.glyphs.rasterised, rasterised, 'nothing rasterised again');
  assert.equal(r.uploads, uploads, 'nothing uploaded again');
  assert.equal(one.glyphs.rasterised, 0, 'the other size untouched');
  assert.equal(r.live.size, 2, 'a glyph set per size');
  assert.equal(aa.at(2.001), two, 'scales that round alike are one size');
});

test('a new Xft.dpi frees every glyph set and opens the faces at the new size', () => {
  const r = new Recorder();
  const aa = AaFonts.open(r, source(), 1)!;
  const big = aa.at(2).pixels;
  aa.draw(1, 1, 1, 'abc', 0, 20, 0);
  aa.draw(1, 1, 2, 'abc', 0, 20, 0);
  const before = [...r.live];
  assert.equal(aa.setDpi(1), false, 'the same dpi changes nothing');
  assert.equal(aa.setDpi(2), true);
  assert.deepEqual(r.freed.sort(), before.sort(), 'every old glyph set freed');
  assert.equal(r.live.size, 1, 'the new base size only');
  assert.ok(Math.abs(aa.at(1).pixels - big) < 0.01, 'scale 1 at 192 dpi is the old scale 2');
  assert.ok(aa.ascent > 0 && aa.dpiScale === 2);
  aa.draw(1, 1, 1, 'abc', 0, 20, 0);
  assert.ok(r.composites === 3);
});

test('fallback lookups are asked once for all sizes', () => {
  const finds: number[] = [];
  const aa = AaFonts.open(new Recorder(), source(finds), 1)!;
  aa.at(1).advanceOf(0x4e2d);
  aa.at(2).advanceOf(0x4e2d);
  aa.at(3).advanceOf(0x4e2d);
  assert.deepEqual(finds, [0x4e2d]);
});

test('a fallback face (CJK) found once is opened at each size that draws it', async () => {
  const cjk = matchSync(coveragePattern('DejaVu Sans Mono', 0x4e2d));
  assert.ok(cjk !== null, 'a CJK face on this system (fonts-wqy-microhei)');
  const finds: number[] = [];
  const aa = AaFonts.open(new Recorder(), source(finds, cjk), 1)!;
  assert.equal(aa.at(1).advanceOf(0x4e2d), null, 'a box while fontconfig is asked');
  assert.equal(aa.at(2).advanceOf(0x4e2d), null);
  await new Promise((r) => setImmediate(r));
  const one = aa.at(1).advanceOf(0x4e2d);
  const two = aa.at(2).advanceOf(0x4e2d);
  assert.ok(one !== null && two !== null && Math.abs(two - 2 * one) <= 1, `advances ${one} and ${two}`);
  assert.deepEqual(finds, [0x4e2d], 'asked once');
});

test('any sequence of scales and dpi changes: live glyph sets are the open sizes, bounded', () => {
  fc.assert(fc.property(fc.array(fc.oneof(
    fc.record({ at: fc.constantFrom(0.5, 1, 1.25, 1.5, 2, 2.5, 3, 4, 0, -1, Number.NaN) }),
    fc.record({ dpi: fc.constantFrom(0.5, 1, 1.5, 2) }),
  ), { maxLength: 30 }), (ops) => {
    const r = new Recorder();
    const aa = AaFonts.open(r, source(), 1)!;
    for (const op of ops) {
      if ('at' in op) aa.draw(1, 1, op.at, 'x', 0, 10, 0);
      else aa.setDpi(op.dpi);
      assert.equal(r.live.size, aa.sizeCount);
      assert.ok(aa.sizeCount <= 8);
    }
  }), { numRuns: 40 });
});

// The pure parts of anti-aliased text: font names, fontconfig's answers, drawing order,
// the RENDER requests, the glyph cache and the choice of a fallback face.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isFamily, parseFontName, pixelSize } from '../../src/render/fontname.js';
import { coveragePattern, fontProblem, locate, parseMatch } from '../../src/render/fontconfig.js';
import { parseConfig } from '../../src/config/index.js';
import { fallbackConfig } from '../../src/config/defaults.js';
import { isMark, visualOrder } from '../../src/render/bidi.js';
import { encodeAddGlyphs, encodeCompositeGlyphs, MAX_REQUEST_BYTES } from '../../src/x/render.js';
import { GlyphCache, MAX_GLYPHS } from '../../src/render/glyphcache.js';
import { FaceChoice } from '../../src/render/fallback.js';
import { fit, measure, runs } from '../../src/render/text.js';

test('font names: XLFD and aliases are core fonts; the rest fontconfig names with sizes', () => {
  assert.deepEqual(parseFontName('-misc-fixed-medium-r-normal--13-120-75-75-c-70-iso10646-1'), { kind: 'core', name: '-misc-fixed-medium-r-normal--13-120-75-75-c-70-iso10646-1' });
  assert.equal(parseFontName('fixed')?.kind, 'core');
  assert.equal(parseFontName('9x15bold')?.kind, 'core');
  assert.deepEqual(parseFontName('DejaVu Sans Mono 10'),
    { kind: 'fc', name: 'DejaVu Sans Mono 10', family: 'DejaVu Sans Mono', pattern: 'DejaVu Sans Mono', points: 10, pixels: null });
  assert.deepEqual(parseFontName('Noto Sans:size=11'),
    { kind: 'fc', name: 'Noto Sans:size=11', family: 'Noto Sans', pattern: 'Noto Sans', points: 11, pixels: null });
  assert.deepEqual(parseFontName('pango:DejaVu Sans Bold 9.5'),
    { kind: 'fc', name: 'pango:DejaVu Sans Bold 9.5', family: 'DejaVu Sans', pattern: 'DejaVu Sans:weight=bold', points: 9.5, pixels: null });
  assert.deepEqual(parseFontName('xft:Terminus:pixelsize=14:antialias=true'),
    { kind: 'fc', name: 'xft:Terminus:pixelsize=14:antialias=true', family: 'Terminus', pattern: 'Terminus:antialias=true', points: null, pixels: 14 });
  assert.equal(parseFontName('monospace')?.kind, 'fc');
  assert.equal((parseFontName('monospace') as { points: number }).points, 10, 'GTK\'s default size');
  assert.equal((parseFontName('Hack-12') as { points: number }).points, 12, 'fontconfig\'s short form');
  assert.equal(parseFontName(''), null);
  assert.equal(parseFontName('Sans 0'), null);
  assert.equal(parseFontName('Sans:size=9999'), null);
});

test('points follow the dpi, pixels do not', () => {
  const pt = parseFontName('Sans 12');
  const px = parseFontName('Sans 12px');
  assert.ok(pt?.kind === 'fc' && px?.kind === 'fc');
  assert.equal(pixelSize(pt, 96), 16);
  assert.equal(pixelSize(pt, 192), 32);
  assert.equal(pixelSize(px, 192), 12);
});

test('any string is a font name or null, never a throw', () => {
  fc.assert(fc.property(fc.string(), (s) => {
    const r = parseFontName(s);
    assert.ok(r === null || r.kind === 'core' || (r.family !== '' && (r.points ?? r.pixels ?? 0) > 0));
  }));
});

test('fc-match answers: a family it does not know is an error; generic families always found', () => {
  const dejavu = { file: '/f/DejaVuSansMono.ttf', index: 0, families: ['DejaVu Sans Mono'] };
  assert.deepEqual(parseMatch('/f/DejaVuSansMono.ttf\n0\nDejaVu Sans Mono\n'), dejavu);
  assert.deepEqual(parseMatch('/f/wqy.ttc\n1\nWenQuanYi Micro Hei Mono,文泉驛等寬微米黑\n')?.families, ['WenQuanYi Micro Hei Mono', '文泉驛等寬微米黑']);
  assert.equal(parseMatch(''), null);
  assert.ok(isFamily('dejavu sans mono', ['DejaVu Sans Mono']));
  assert.ok(isFamily('monospace', ['Anything']));
  assert.ok(!isFamily('No Such Font', ['DejaVu Sans']));
  const spec = parseFontName('No Such Font 10');
  assert.ok(spec?.kind === 'fc');
  const r = locate(spec, () => dejavu);
  assert.ok('error' in r && /no family "No Such Font"/.test(r.error), JSON.stringify(r));
  assert.ok('error' in locate(spec, () => null));
  const ok = parseFontName('DejaVu Sans Mono 10');
  assert.ok(ok?.kind === 'fc');
  assert.deepEqual(locate(ok, () => dejavu), dejavu);
  assert.equal(coveragePattern('DejaVu Sans Mono', 0x4e2d), 'DejaVu Sans Mono:charset=4e2d');
});

test('drawing order: NFC, right-to-left words reversed by cluster, left-to-right untouched', () => {
  assert.equal(visualOrder('cafe\u0301'), 'café');
  assert.equal(visualOrder('hello world'), 'hello world');
  assert.equal(visualOrder('שלום'), 'םולש');
  assert.equal(visualOrder('a שלום עולם b'), 'a םלוע םולש b', 'neutrals between right-to-left words go with them');
  assert.equal(visualOrder('x אב. y'), 'x בא. y', 'trailing neutrals stay where they are');
  assert.equal(visualOrder('\u05d0\u05b8\u05d1'), '\u05d1\u05d0\u05b8', 'a mark stays after its base');
  assert.ok(isMark('\u0301') && !isMark('a'));
  fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
    const v = visualOrder(s);
    assert.equal([...v].length, [...s.normalize('NFC')].length, 'no character lost or added');
  }));
});

test('AddGlyphs: ids, metrics as RENDER wants them, rows padded to 4 bytes', () => {
  const g = { id: 7, width: 3, height: 2, left: 1, top: 9, advance: 8, image: Buffer.from([1, 2, 3, 4, 5, 6]) };
  const [b, more] = encodeAddGlyphs(140, 0x400001, [g]);
  assert.equal(more, undefined);
  assert.ok(b !== undefined);
  assert.equal(b.readUInt8(0), 140);
  assert.equal(b.readUInt8(1), 20);
  assert.equal(b.readUInt16LE(2) * 4, b.length);
  assert.equal(b.length, 12 + 4 + 12 + 8);
  assert.equal(b.readUInt32LE(4), 0x400001);
  assert.equal(b.readUInt32LE(8), 1);
  assert.equal(b.readUInt32LE(12), 7);
  assert.deepEqual([b.readUInt16LE(16), b.readUInt16LE(18), b.readInt16LE(20), b.readInt16LE(22), b.readInt16LE(24)], [3, 2, -1, 9, 8]);
  assert.deepEqual([...b.subarray(28)], [1, 2, 3, 0, 4, 5, 6, 0]);
  // Many large glyphs: split into requests under the limit, none lost.
  const big = Array.from({ length: 50 }, (_, i) => ({ ...g, id: i + 1, width: 80, height: 80, image: Buffer.alloc(6400) }));
  const reqs = encodeAddGlyphs(140, 1, big);
  assert.ok(reqs.length > 1 && reqs.every((r) => r.length <= MAX_REQUEST_BYTES));
  assert.equal(reqs.reduce((n, r) => n + r.readUInt32LE(8), 0), 50);
});

test('CompositeGlyphs32: one element while glyphs follow on, a new one where the pen jumps', () => {
  const placed = [{ id: 1, x: 10, advance: 8 }, { id: 2, x: 18, advance: 8 }, { id: 3, x: 18, advance: 8 }, { id: 4, x: 26, advance: 8 }];
  const [b] = encodeCompositeGlyphs(140, 5, 6, 7, 8, 15, placed);
  assert.ok(b !== undefined);
  assert.equal(b.readUInt8(1), 25);
  assert.equal(b.readUInt8(4), 3, 'Over');
  assert.deepEqual([b.readUInt32LE(8), b.readUInt32LE(12), b.readUInt32LE(16), b.readUInt32LE(20)], [5, 6, 7, 8]);
  assert.equal(b.readUInt16LE(2) * 4, b.length);
  // Element 1: glyphs 1, 2 at (10, 15); element 2: glyph 3 moved back 8; glyph 4 follows it.
  assert.deepEqual([b.readUInt8(28), b.readInt16LE(32), b.readInt16LE(34), b.readUInt32LE(36), b.readUInt32LE(40)], [2, 10, 15, 1, 2]);
  assert.deepEqual([b.readUInt8(44), b.readInt16LE(48), b.readInt16LE(50), b.readUInt32LE(52), b.readUInt32LE(56)], [2, -8, 0, 3, 4]);
  assert.equal(b.length, 60);
  assert.deepEqual(encodeCompositeGlyphs(140, 5, 6, 7, 8, 15, []), []);
  const many = Array.from({ length: 600 }, (_, i) => ({ id: i + 1, x: i * 8, advance: 8 }));
  const [m] = encodeCompositeGlyphs(140, 5, 6, 7, 8, 15, many);
  assert.ok(m !== undefined);
  assert.deepEqual([m.readUInt8(28), m.readUInt8(28 + 8 + 254 * 4), m.readUInt8(28 + 2 * (8 + 254 * 4))], [254, 254, 92], 'at most 254 glyphs an element');
});

test('the glyph cache rasterises and uploads each glyph once, and stays bounded', () => {
  const c = new GlyphCache();
  let made = 0;
  const raster = () => { made++; return { width: 1, height: 1, left: 0, top: 1, advance: 5, image: Buffer.from([255]) }; };
  const a = c.get(0, 42, raster);
  const b = c.get(0, 42, raster);
  const other = c.get(1, 42, raster);
  assert.equal(made, 2);
  assert.equal(a, b);
  assert.notEqual(a?.id, other?.id, 'the same glyph index of another face is another glyph');
  assert.deepEqual(c.takeUploads().map((g) => g.id), [a?.id, other?.id]);
  assert.deepEqual(c.takeUploads(), [], 'uploaded once');
  assert.equal(c.get(0, 7, () => null), null, 'a glyph FreeType cannot draw is remembered as such');
  for (let i = 0; i < MAX_GLYPHS + 10; i++) c.get(2, i, raster);
  assert.ok(c.size <= MAX_GLYPHS && c.resets === 1 && c.takeFresh(), 'a full set starts anew');
  assert.equal(c.takeFresh(), false);
});

/** A face of fixed code points, as the choice sees one. */
const face = (name: string, cps: readonly number[]) => ({ name, index: (cp: number) => (cps.includes(cp) ? cp : 0), file: { file: `/f/${name}`, index: 0, families: [name] } });

test('fallback faces: asked once per character, lazily, one at a time; a face covers what is queued', async () => {
  const asked: number[] = [];
  let release: (() => void) | null = null;
  const cjk = face('cjk', [0x4e2d, 0x6587]);
  const choice = new FaceChoice([face('mono', [0x41])], async (cp) => {
    asked.push(cp);
    await new Promise<void>((r) => { release = r; });
    return cp === 0x2603 ? { file: '/f/mono', index: 0, families: ['mono'] } : cjk.file;
  }, (f) => (f.file === '/f/cjk' ? cjk : null));
  let changes = 0;
  choice.onChange = () => { changes++; };
  assert.equal(choice.faceFor(0x41), 0, 'the configured face first, no lookup');
  assert.equal(choice.faceFor(0x4e2d), null, 'not known yet: a box for now');
  assert.equal(choice.faceFor(0x6587), null);
  assert.equal(choice.faceFor(0x4e2d), null);
  assert.deepEqual(asked, [0x4e2d], 'one lookup at a time, none twice');
  release!();
  await new Promise((r) => setImmediate(r));
  assert.equal(choice.faceFor(0x4e2d), 1);
  assert.equal(choice.faceFor(0x6587), 1, 'the new face had the queued character: no lookup of its own');
  assert.deepEqual(asked, [0x4e2d]);
  assert.equal(changes, 1);
  assert.equal(choice.faceFor(0x2603), null);
  release!();
  await new Promise((r) => setImmediate(r));
  assert.equal(choice.faceFor(0x2603), null, 'fontconfig offered a face without it: a box, remembered');
  assert.deepEqual(asked, [0x4e2d, 0x2603]);
  assert.equal(choice.faceFor(0x01), null);
  assert.deepEqual(asked, [0x4e2d, 0x2603], 'control characters are never looked up');
});

test('measuring with on-demand advances: marks take no room, what no face has is a box', () => {
  const shape = { charWidth: 8, advanceOf: (cp: number) => (cp === 0x301 ? 0 : cp === 0x2603 ? null : cp > 0xffff ? 16 : 8) };
  assert.equal(measure(shape, 'ab'), 16);
  assert.equal(measure(shape, 'e\u0301'), 8);
  assert.equal(measure(shape, '☃'), 8, 'a box of charWidth');
  assert.equal(measure(shape, '😀'), 16, 'beyond the BMP when the face has it');
  assert.deepEqual(runs(shape, 'a☃b').map((r) => [r.text, r.missing]), [['a', false], ['☃', true], ['b', false]]);
  assert.equal(fit(shape, 'abcdefgh', 40), 'abcd…');
});

test('check-config: a font name that is no font, or a family the system lacks, is an error at its line', () => {
  const dejavu = () => ({ file: '/f/DejaVuSans.ttf', index: 0, families: ['DejaVu Sans'] });
  assert.equal(fontProblem('-misc-fixed-medium-r-normal--13-120-75-75-c-70-iso10646-1', dejavu), null, 'core fonts: the server decides');
  assert.equal(fontProblem('DejaVu Sans 9', dejavu), null);
  assert.match(fontProblem('Nope 9', dejavu) ?? '', /no family "Nope"/);
  assert.match(fontProblem('Sans 0', dejavu) ?? '', /is not a font name/);
  const r = parseConfig('gaps: {inner: 2}\nfont: ["DejaVu Sans 9", "Nope 9"]\n', 'c.yaml', fallbackConfig(), { font: (n) => fontProblem(n, dejavu) });
  assert.deepEqual(r.errors.map((e) => [e.line, /Nope/.test(e.message)]), [[2, true]]);
  assert.deepEqual([r.config.font, ...r.config.fontFallbacks], ['DejaVu Sans 9', 'Nope 9'], 'kept: the next font of the list is used');
});

// What the bar says and where its parts go, without a server: the workspace list,
// urgency, the title, clocks; text measuring and cutting; the bar's cells;
// hiding bars.
import { before, test } from 'node:test';
import { loadLuxon } from '../../src/bar/luxon.js';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addClient, barHidden, createModel, setBar, updateClient, createWorkspace } from '../../src/model/index.js';
import { layout } from '../../src/layout/index.js';
import { barSegments, barText, formatClock, showsSeconds, withClocks } from '../../src/bar/content.js';
import { buildBars, retimeBars } from '../../src/render/build.js';
import { fallbackConfig } from '../../src/config/defaults.js';
import { fit, measure, runs, type FontShape } from '../../src/render/text.js';
import { client, monitor, w } from '../model/support.js';
import { THEME } from '../model/ops.js';
import { tagOf } from '../render/tags.js';

// Formats with names or time zones are luxon's: loaded as Fion loads it before its first frame.
before(() => loadLuxon());

const state = { clocks: ['12:00'], mode: null, message: null };

test('every workspace, the shown one in brackets, urgent ones with "!", named ones with their name', () => {
  let m = createModel([monitor('A')]);
  m = addClient(m, client(1, 'first'));
  m = createWorkspace(m, 'web');
  m = updateClient(m, w(1), { urgent: true });
  assert.equal(barText(barSegments(m, 0, state)), '1! [2:web] | tile 1/1 | tab 0/0 | 12:00');
});

test('many workspaces: a window of them around the shown one, "…" for the rest, urgent if one of them is', () => {
  let m = createModel([monitor('A')]);
  m = addClient(m, client(1, 'first'));
  for (let i = 0; i < 40; i++) m = createWorkspace(m); // the 41st is shown
  m = updateClient(m, w(1), { urgent: true });
  const words = barText(barSegments(m, 0, state)).split(' | ')[0]!.split(' ');
  assert.equal(words.length, 25);
  assert.equal(words[0], '…!', 'workspace 1 is urgent, out of the list');
  assert.equal(words.at(-1), '[41]');
  const segs = barSegments(m, 0, state);
  assert.equal(segs[0]!.index, 16, '"…" goes to the nearest hidden workspace');
});

test('the focused window\'s title follows tile and tab; mode and message come before them', () => {
  let m = createModel([monitor('A')]);
  m = addClient(m, client(1, '東京 ☀ 🌧'));
  const text = barText(barSegments(m, 0, { clocks: ['UTC 03:00', '12:00'], mode: 'tile: n p Esc', message: 'no' }));
  assert.equal(text, '[1] | tile: n p Esc | no | tile 1/1 | tab 1/1 | 東京 ☀ 🌧 | UTC 03:00 | 12:00');
});

test('clocks: zones, bad zones and formats show an error instead of throwing; seconds detection', () => {
  const t = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
  assert.equal(formatClock(t, 'HH:mm:ss', 'UTC'), '03:04:05');
  assert.equal(formatClock(t, 'HH:mm', 'Asia/Tokyo'), '12:04');
  assert.match(formatClock(t, 'HH', 'Nowhere/Else'), /bad time zone/);
  assert.equal(showsSeconds('yyyy-MM-dd HH:mm:ss'), true);
  assert.equal(showsSeconds("HH:mm 'seconds'"), false);
  assert.equal(showsSeconds('HH:mm'), false);
  assert.equal(showsSeconds('TT'), true);
  assert.equal(showsSeconds('T'), false);
});

const FIXED: FontShape = { charWidth: 7, widths: (() => { const a = new Int16Array(65536); for (let c = 0x20; c < 0x3000; c++) a[c] = 7; return a; })() };

test('text: missing characters are single runs (boxes), present ones grouped', () => {
  assert.deepEqual(runs(FIXED, 'ab東🌧c').map((r) => [r.text, r.missing]), [['ab', false], ['東', true], ['🌧', true], ['c', false]]);
  assert.equal(measure(FIXED, 'ab東🌧'), 28);
});

test('text: a character the font lacks comes from the first fallback that has it', () => {
  const cjk: FontShape = { charWidth: 12, widths: (() => { const a = new Int16Array(65536); a[0x6771] = 12; a[0x4eac] = 12; return a; })() };
  const both: FontShape = { ...FIXED, fallbacks: [cjk] };
  assert.deepEqual(runs(both, 'ab東京🌧').map((r) => [r.text, r.missing, r.font]), [['ab', false, 0], ['東京', false, 1], ['🌧', true, 0]]);
  assert.equal(measure(both, 'ab東京🌧'), 7 + 7 + 12 + 12 + 7);
});

test('property: fit never exceeds the width and ends in an ellipsis exactly when it cuts', () => {
  fc.assert(fc.property(fc.string({ maxLength: 60, unit: 'grapheme' }), fc.nat(400), (s, width) => {
    const out = fit(FIXED, s, width);
    assert.ok(measure(FIXED, out) <= width || out === '', `${JSON.stringify(out)} in ${width}`);
    if (out !== s) assert.ok(out === '' || out.endsWith('…'));
    if (measure(FIXED, s) <= width) assert.equal(out, s);
  }), { numRuns: 300 });
});

test('bar cells: workspaces from the left, clocks at the right end, the title between, cut to fit', () => {
  let m = createModel([monitor('A', { width: 400 })]);
  m = addClient(m, client(1, 'x'.repeat(200)));
  const lay = layout(m, THEME);
  const look = { colors: fallbackConfig().colors, charWidth: 7, measure: (t: string) => measure(FIXED, t) };
  const [strip] = buildBars(lay, [barSegments(m, 0, state)], look);
  assert.ok(strip !== undefined);
  const cells = strip.cells;
  assert.equal(tagOf(cells[0]!), 'ws:0');
  assert.equal(cells[0]!.x, 0);
  const clock = cells.find((c) => tagOf(c) === 'clock')!;
  assert.equal(clock.x + clock.width, 400, 'the clock ends at the right edge');
  const title = cells.find((c) => tagOf(c) === 'title')!;
  assert.equal(title.x + title.width, clock.x, 'the title fills up to the clock');
  for (let i = 1; i < cells.length; i++) assert.ok(cells[i - 1]!.x + cells[i - 1]!.width <= cells[i]!.x, 'no overlap');
});

test('property: a clock tick redone from the last bars (retimeBars) is the bar built anew, or null when a clock changed width', () => {
  let m = createModel([monitor('L', { width: 500 }), monitor('R', { x: 500, width: 300 })]);
  m = addClient(m, client(1, 'a title'));
  const lay = layout(m, THEME);
  const look = { colors: fallbackConfig().colors, charWidth: 7, measure: (t: string) => measure(FIXED, t) };
  const clockText = fc.string({ maxLength: 12 });
  fc.assert(fc.property(fc.array(clockText, { minLength: 1, maxLength: 3 }), fc.array(clockText, { minLength: 3, maxLength: 3 }), fc.boolean(), (a, c, sameLength) => {
    // Half the cases keep every clock's length (a tick of a fixed-width format).
    const b = a.map((t, i) => {
      const cps = [...c[i]!];
      if (!sameLength) return cps.join('');
      const n = [...t].length;
      return [...cps, ...Array<string>(n).fill('0')].slice(0, n).join('');
    });
    const base = lay.monitors.map((_, i) => barSegments(m, i, { ...state, clocks: [] }));
    const before = buildBars(lay, base.map((s) => withClocks(s, a)), look);
    const fresh = buildBars(lay, base.map((s) => withClocks(s, b)), look);
    const again = retimeBars(before, base.map((s) => withClocks(s, b)), look);
    const sameWidths = a.every((t, i) => measure(FIXED, t) === measure(FIXED, b[i]!));
    if (sameWidths) assert.deepEqual(again, fresh);
    else assert.equal(again, null);
  }), { numRuns: 200 });
});

test('bar command: hide and show one monitor or all; a hidden bar gives its rows to the tiles', () => {
  let m = createModel([monitor('L'), monitor('R', { x: 1000 })]);
  m = setBar(m, 'hide', false);
  assert.deepEqual([barHidden(m, 0), barHidden(m, 1)], [true, false]);
  assert.equal(layout(m, THEME).monitors[0]!.bar.height, 0);
  assert.equal(layout(m, THEME).monitors[1]!.bar.height, THEME.barHeight);
  m = setBar(m, 'toggle', true);
  assert.deepEqual([barHidden(m, 0), barHidden(m, 1)], [true, true]);
  m = setBar(m, 'toggle', false);
  assert.deepEqual([barHidden(m, 0), barHidden(m, 1)], [false, true]);
  m = setBar(m, 'show', true);
  assert.deepEqual([barHidden(m, 0), barHidden(m, 1)], [false, false]);
});

// The system tray's place: which bar holds it, and icons that never overlap, stay inside the
// tray's width and inside the bar; the bar leaves that width left of the status blocks and
// keeps it when the status blocks must give way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { layout, trayIconRects, trayMonitor, trayWidth } from '../../src/layout/index.js';
import { createModel } from '../../src/model/index.js';
import { barSegments } from '../../src/bar/content.js';
import type { StatusBlock } from '../../src/bar/i3bar.js';
import { buildScene } from '../../src/render/build.js';
import { fallbackConfig } from '../../src/config/defaults.js';
import { monitor } from '../model/support.js';

const m = (name: string, barHeight = 20): { name: string; barHeight: number } => ({ name, barHeight });

test('the tray goes to the output named, else the primary, else the first bar shown; none is none', () => {
  const ms = [m('LEFT'), m('RIGHT'), m('TOP')];
  assert.equal(trayMonitor(ms, 'TOP', 'RIGHT'), 2);
  assert.equal(trayMonitor(ms, 'primary', 'RIGHT'), 1);
  assert.equal(trayMonitor(ms, 'primary', undefined), 0);
  assert.equal(trayMonitor(ms, 'GONE', 'RIGHT'), 1, 'an unplugged output hands the tray to the primary');
  assert.equal(trayMonitor(ms, 'GONE', 'GONE-TOO'), 0);
  assert.equal(trayMonitor(ms, 'none', 'RIGHT'), -1);
  assert.equal(trayMonitor([m('LEFT'), m('RIGHT', 0)], 'primary', 'RIGHT'), 0, 'not into a hidden bar');
  assert.equal(trayMonitor([m('LEFT', 0)], 'primary', undefined), -1, 'no bar at all: no tray');
});

test('icons are squares inside the bar and the tray, side by side, never overlapping', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 3000 }),
    (count, height, padding, x) => {
      const rects = trayIconRects(x, count, height, padding);
      const width = trayWidth(count, height, padding);
      assert.equal(rects.length, count);
      rects.forEach((r, i) => {
        assert.equal(r.width, r.height);
        assert.ok(r.width >= 1);
        assert.ok(r.x >= x && r.x + r.width <= x + width, `inside the tray: ${JSON.stringify(r)} in ${x}+${width}`);
        if (r.width <= height) assert.ok(r.y >= 0 && r.y + r.height <= height, `inside the bar: ${JSON.stringify(r)}`);
        const next = rects[i + 1];
        if (next !== undefined) assert.ok(next.x >= r.x + r.width, 'no overlap');
      });
      assert.equal(width === 0, count === 0);
    }));
});

test('the bar leaves the tray its room left of the status blocks, and keeps it when they must go', () => {
  const model = createModel([monitor('A', { width: 600 })]);
  const look = { colors: fallbackConfig().colors, charWidth: 7 };
  const status: StatusBlock[] = ['x'.repeat(30), 'y'.repeat(30)].map((fullText) => ({
    fullText, separator: true, separatorBlockWidth: 9, align: 'left', urgent: false,
  }));
  const state = { clocks: ['12:00'], mode: null, message: null, status, tray: { monitor: 0, width: 50 } };
  const lay = layout(model, { barHeight: 20, tabBarHeight: 18 });
  const bar = buildScene(lay, [barSegments(model, 0, state)], look).strips.find((s) => s.target.kind === 'bar')!;
  const kinds = bar.cells.map((c) => c.target?.kind ?? 'plain');
  const tray = bar.cells.find((c) => c.target?.kind === 'tray');
  assert.ok(tray !== undefined, `a tray cell: ${kinds.join(' ')}`);
  assert.equal(tray.width, 50);
  const after = bar.cells.slice(bar.cells.indexOf(tray) + 1).map((c) => c.target?.kind);
  assert.ok(after.every((k) => k === 'status' || k === 'clock'), `only status blocks and clocks right of it: ${kinds.join(' ')}`);
  assert.ok(kinds.filter((k) => k === 'status').length < 2, 'a status block gave way (600 px cannot hold both)');
  assert.ok(!/tray/.test(bar.name ?? ''), 'the tray is not in the bar\'s text');
});

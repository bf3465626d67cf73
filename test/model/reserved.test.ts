import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clampInsets, createModel, reservedFromStruts, setMonitors, setReserved, usableRect } from '../../src/model/index.js';
import { checkModel } from './invariants.js';
import { monitor } from './support.js';

test('setReserved stores whole, non-negative insets; the usable rect shrinks', () => {
  let m = createModel([monitor('A'), monitor('B', { x: 1000 })]);
  m = setReserved(m, 1, { top: 30.4, bottom: 10, left: 40, right: -5 });
  assert.deepEqual(m.monitors[1]!.reserved, { top: 30, bottom: 10, left: 40, right: 0 });
  assert.equal(m.monitors[0]!.reserved, undefined);
  assert.deepEqual(usableRect(m.monitors[1]!), { x: 1040, y: 30, width: 960, height: 760 });
  assert.deepEqual(usableRect(m.monitors[0]!), m.monitors[0]!.rect);
  assert.equal(setReserved(m, 1, { top: 30, bottom: 10, left: 40, right: 0 }), m);
  assert.equal(setReserved(m, 5, { top: 1, bottom: 1, left: 1, right: 1 }), m);
  assert.equal(setReserved(m, -1, { top: 1, bottom: 1, left: 1, right: 1 }), m);
  checkModel(m);
});

test('insets never take more than half of a monitor\'s width or height', () => {
  const rect = { x: 0, y: 0, width: 1000, height: 800 };
  assert.deepEqual(clampInsets(rect, { left: 900, right: 300, top: NaN, bottom: Infinity }), { left: 375, right: 125, top: 0, bottom: 400 });
  assert.deepEqual(clampInsets(rect, { left: 1e12, right: 1e12, top: -Infinity, bottom: 399.6 }), { left: 250, right: 250, top: 0, bottom: 400 });
  const tiny = { x: 0, y: 0, width: 1, height: 1 };
  assert.deepEqual(clampInsets(tiny, { left: 5, right: 5, top: 5, bottom: 5 }), { left: 0, right: 0, top: 0, bottom: 0 });
});

test('setMonitors keeps a same-named monitor\'s reservations', () => {
  let m = createModel([monitor('A'), monitor('B', { x: 1000 })]);
  m = setReserved(m, 0, { top: 0, bottom: 24, left: 0, right: 0 });
  m = setMonitors(m, [monitor('C'), monitor('A', { x: 1000, width: 1200 })]);
  assert.equal(m.monitors[0]!.reserved, undefined);
  assert.deepEqual(m.monitors[1]!.reserved, { top: 0, bottom: 24, left: 0, right: 0 });
  checkModel(m);
});

test('reservedFromStruts: root-edge struts become per-monitor insets', () => {
  // A 1000x800 at the left, B 800x600 at its right (top-aligned): the root is 1800x800.
  const monitors = [
    { x: 0, y: 0, width: 1000, height: 800 },
    { x: 1000, y: 0, width: 800, height: 600 },
  ];
  const root = { width: 1800, height: 800 };
  const none = { left: 0, right: 0, top: 0, bottom: 0 };
  assert.deepEqual(reservedFromStruts(monitors, root, []), [none, none]);
  // A top panel over A only.
  assert.deepEqual(reservedFromStruts(monitors, root, [{ ...none, top: 30, topStartX: 0, topEndX: 999 }]), [
    { ...none, top: 30 },
    none,
  ]);
  // A full-width top panel (plain _NET_WM_STRUT) reserves on both.
  assert.deepEqual(reservedFromStruts(monitors, root, [{ ...none, top: 30 }]), [
    { ...none, top: 30 },
    { ...none, top: 30 },
  ]);
  // A bottom panel on B must reach above the root's bottom edge by B's shortfall (200).
  assert.deepEqual(reservedFromStruts(monitors, root, [{ ...none, bottom: 220, bottomStartX: 1000, bottomEndX: 1799 }]), [
    none,
    { ...none, bottom: 20 },
  ]);
  // Left and right docks; the largest strut per edge wins.
  assert.deepEqual(reservedFromStruts(monitors, root, [{ ...none, left: 50 }, { ...none, left: 20, right: 40 }]), [
    { ...none, left: 50 },
    { ...none, right: 40 },
  ]);
  // A strip whose range misses the monitor reserves nothing there.
  assert.deepEqual(reservedFromStruts(monitors, root, [{ ...none, left: 50, leftStartY: 900, leftEndY: 1000 }]), [none, none]);
});

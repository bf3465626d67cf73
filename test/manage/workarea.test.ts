// _NET_WORKAREA with several monitors and several X screens: pure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workareas } from '../../src/manage/ewmh.js';
import { createModel, ensureWorkspace, focusMonitor, type MonitorInfo } from '../../src/model/index.js';

const r = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const root = r(0, 0, 2560, 800);
/** One workspace per monitor, then a hidden third one. */
const threeOn = (monitors: MonitorInfo[]) => ensureWorkspace(createModel(monitors, ['a', 'b']), 'c').model;

test('each shown desktop gets the area of its monitor; hidden ones the focused monitor\'s', () => {
  // Three workspaces, two monitors on screen 0: workspace 1 left, 2 right, 3 hidden.
  let m = threeOn([
    { name: 'L', screen: 0, rect: r(0, 0, 1280, 800) },
    { name: 'R', screen: 0, rect: r(1280, 0, 1280, 800) },
  ]);
  const areas = [r(0, 20, 1280, 780), r(1280, 44, 1280, 756)];
  assert.deepEqual(workareas(m, areas, 0, root), [areas[0], areas[1], areas[0]]);
  m = focusMonitor(m, 'next');
  assert.deepEqual(workareas(m, areas, 0, root), [areas[0], areas[1], areas[1]]);
});

test('monitors of another X screen never give a desktop their area', () => {
  const m = threeOn([
    { name: 'A', screen: 0, rect: r(0, 0, 1024, 768) },
    { name: 'B', screen: 1, rect: r(0, 0, 800, 600) },
  ]);
  const areas = [r(0, 20, 1024, 748), r(0, 20, 800, 580)];
  // Screen 1: desktop b is shown there; a (on screen 0) and c (hidden) fall back to B, screen 1's only monitor.
  assert.deepEqual(workareas(m, areas, 1, r(0, 0, 800, 600)), [areas[1], areas[1], areas[1]]);
  assert.deepEqual(workareas(m, areas, 0, r(0, 0, 1024, 768)), [areas[0], areas[0], areas[0]]);
  // A screen with no monitor at all: its root.
  assert.deepEqual(workareas(m, areas, 2, r(0, 0, 640, 480)), [r(0, 0, 640, 480), r(0, 0, 640, 480), r(0, 0, 640, 480)]);
});

// From the server's monitor reports to the model's monitor list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clipRect, dedupeMonitors, monitorInfos, sameMonitors } from '../../src/manage/monitors.js';

const r = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

test('dedupeMonitors: identical rects (cloned outputs) merge into the first', () => {
  const out = dedupeMonitors([{ name: 'HDMI-1', rect: r(0, 0, 1920, 1080) }, { name: 'DP-1', rect: r(0, 0, 1920, 1080) }]);
  assert.deepEqual(out.map((m) => m.name), ['HDMI-1']);
});

test('dedupeMonitors: a rect inside another merges into the larger, whatever the order', () => {
  const small = { name: 'small', rect: r(100, 100, 800, 600) };
  const big = { name: 'big', rect: r(0, 0, 1920, 1080) };
  assert.deepEqual(dedupeMonitors([small, big]).map((m) => m.name), ['big']);
  assert.deepEqual(dedupeMonitors([big, small]).map((m) => m.name), ['big']);
});

test('dedupeMonitors: side by side and partly overlapping monitors stay, in order, names kept; empty ones go', () => {
  const ms = [
    { name: 'A', rect: r(1280, 0, 1280, 800) },
    { name: 'B', rect: r(0, 0, 1280, 800) },
    { name: 'C', rect: r(1000, 0, 1280, 800) },
    { name: 'Z', rect: r(0, 0, 0, 800) },
  ];
  assert.deepEqual(dedupeMonitors(ms).map((m) => m.name), ['A', 'B', 'C']);
  assert.deepEqual(dedupeMonitors([]), []);
});

test('clipRect keeps the part inside the bounds', () => {
  assert.deepEqual(clipRect(r(-10, 0, 100, 100), r(0, 0, 50, 50)), r(0, 0, 50, 50));
  assert.equal(clipRect(r(60, 0, 10, 10), r(0, 0, 50, 50)), null);
});

test('monitorInfos: per screen, clipped, deduplicated, left to right, unique names; a screen with none gets its root', () => {
  const infos = monitorInfos([
    { root: r(0, 0, 2560, 800), monitors: [{ name: 'RIGHT', rect: r(1280, 0, 1280, 800) }, { name: 'LEFT', rect: r(0, 0, 1280, 800) }, { name: 'CLONE', rect: r(0, 0, 1280, 800) }] },
    { root: r(0, 0, 800, 600), monitors: [] },
    { root: r(0, 0, 1024, 768), monitors: [{ name: 'LEFT', rect: r(0, 0, 1024, 768) }] },
  ]);
  assert.deepEqual(infos, [
    { name: 'LEFT', screen: 0, rect: r(0, 0, 1280, 800) },
    { name: 'RIGHT', screen: 0, rect: r(1280, 0, 1280, 800) },
    { name: 'screen1', screen: 1, rect: r(0, 0, 800, 600) },
    { name: 'LEFT-2', screen: 2, rect: r(0, 0, 1024, 768) },
  ]);
  assert.ok(sameMonitors(infos, infos.map((m) => ({ ...m }))));
  assert.ok(!sameMonitors(infos, infos.slice(1)));
  // A monitor hanging off the root is cut to it; one wholly outside falls back to the root.
  assert.deepEqual(monitorInfos([{ root: r(0, 0, 1280, 800), monitors: [{ name: 'M', rect: r(0, 0, 2560, 800) }] }]),
    [{ name: 'M', screen: 0, rect: r(0, 0, 1280, 800) }]);
  assert.deepEqual(monitorInfos([{ root: r(0, 0, 1280, 800), monitors: [{ name: 'M', rect: r(2000, 0, 100, 100) }] }]),
    [{ name: 'screen0', screen: 0, rect: r(0, 0, 1280, 800) }]);
});

// From the server's monitor reports to the model's monitor list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clipRect, dedupeMonitors, monitorInfos, sameMonitors } from '../../src/manage/monitors.js';
import { edidHash } from '../../src/x/randr.js';
import { monitorSetKey } from '../../src/model/index.js';

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

test('EDID: a stable short hash per EDID block; monitors carry it; a new EDID on the same output is a change', () => {
  // A fake EDID: the fixed header, a vendor and a serial number, the rest zero.
  const edid = (serial: number): Buffer => {
    const b = Buffer.alloc(128);
    Buffer.from([0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x10, 0xac]).copy(b);
    b.writeUInt32LE(serial, 12);
    return b;
  };
  const h = edidHash(edid(1));
  assert.match(h, /^[0-9a-f]{16}$/);
  assert.equal(edidHash(edid(1)), h);
  assert.notEqual(edidHash(edid(2)), h);
  const root = r(0, 0, 3840, 1080);
  const [a, b] = monitorInfos([{ root, monitors: [{ name: 'eDP-1', rect: r(0, 0, 1920, 1080) }, { name: 'DP-1', rect: r(1920, 0, 1920, 1080), edid: h }] }]);
  assert.equal(a!.edid, undefined);
  assert.equal(b!.edid, h);
  assert.ok(!sameMonitors([a!, b!], [a!, { ...b!, edid: edidHash(edid(2)) }]), 'another screen on DP-1');
  assert.ok(sameMonitors([a!, b!], [a!, { ...b! }]));
  assert.equal(monitorSetKey([a!, b!]), monitorSetKey([a!, { ...b!, name: 'DP-2' }]), 'the same screen on another port: the same set');
});

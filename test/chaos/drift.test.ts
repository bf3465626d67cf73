// A soak's memory figures: growth over the last third, and the drift per hour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lastThirdGrowth, rssDriftPerHour, type Sample } from '../../scripts/chaos/engine.js';

const at = (minutes: number, mib: number): Sample => ({ seconds: minutes * 60, ops: 0, violations: 0, crashes: 0, rssKiB: mib * 1024 });

test('drift per hour: the slope after the first sample, in KiB; a flat soak drifts by nothing', () => {
  // The first sample (start-up, the first windows) is left out: it would tilt the line.
  const rising = [at(10, 40), at(20, 60), at(30, 61), at(40, 62), at(50, 63), at(60, 64)];
  assert.equal(rssDriftPerHour(rising), 6 * 1024);
  assert.equal(rssDriftPerHour([at(10, 40), at(20, 60), at(30, 60), at(40, 60)]), 0);
  assert.equal(rssDriftPerHour([at(10, 40), at(20, 60)]), null, 'one point after the first: no slope');
  assert.equal(rssDriftPerHour([at(10, 40), { ...at(20, 0), rssKiB: null }, at(30, 60), at(40, 58)])! < 0, true);
  assert.ok(Math.abs(lastThirdGrowth(rising)! - (64 - 62) / 62) < 1e-9);
});

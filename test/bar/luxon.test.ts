// luxon is loaded only for clocks that need it; until then such a clock shows "…".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatClock } from '../../src/bar/content.js';
import { clocksNeedLuxon, loadedLuxon, loadLuxon, needsLuxon } from '../../src/bar/luxon.js';
import { fallbackConfig } from '../../src/config/defaults.js';

test('the default clock needs no luxon; names, AM/PM and zones do; such a clock shows "…" until luxon is loaded', async () => {
  const bar = fallbackConfig().bar;
  assert.equal(clocksNeedLuxon(bar), false, 'the shipped clock is numeric');
  assert.equal(needsLuxon('yyyy-MM-dd HH:mm:ss'), false);
  assert.equal(needsLuxon('ccc d LLL HH:mm'), true);
  assert.equal(needsLuxon('h:mm a'), true);
  assert.equal(needsLuxon('HH:mm', 'UTC'), true);
  assert.equal(clocksNeedLuxon({ ...bar, clocks: [{ format: 'HH:mm', zone: 'Asia/Tokyo' }] }), true);
  const t = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
  assert.equal(loadedLuxon(), null, 'nothing loaded it yet');
  assert.equal(formatClock(t, 'HH:mm', 'UTC'), '…');
  await loadLuxon();
  assert.equal(formatClock(t, 'HH:mm', 'UTC'), '03:04');
});

// Full collections (GIVE_BACK_PASSES, one after the other) are asked once after a large drop
// in managed windows, once the closing is over; never for a few windows coming and going.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { GiveBack, GIVE_BACK_AFTER, GIVE_BACK_PASSES } from '../../src/app/giveback.js';

/** `calls`: give-backs asked, each of GIVE_BACK_PASSES collections. */
function counted(): { give: GiveBack; calls: () => number } {
  let n = 0;
  const give = new GiveBack(async () => { n++; }, 20);
  return { give, calls: () => n / GIVE_BACK_PASSES };
}

test('500 windows closing one by one: one collection, after the last', async () => {
  const { give, calls } = counted();
  for (let n = 0; n <= 500; n++) give.count(n);
  for (let n = 500; n >= 0; n--) give.count(n);
  assert.equal(calls(), 0, 'not while windows are still closing');
  await sleep(60);
  assert.equal(calls(), 1);
  // Nothing more to give back while the count stays low.
  for (let i = 0; i < 10; i++) give.count(i % 3);
  await sleep(60);
  assert.equal(calls(), 1);
});

test('windows coming and going in small numbers never ask for one', async () => {
  const { give, calls } = counted();
  for (let n = 0; n <= 150; n++) give.count(n);
  for (let r = 0; r < 20; r++) { give.count(150 - GIVE_BACK_AFTER + 1); give.count(150); }
  // A large drop that keeps more than half the peak is not one either.
  for (let n = 0; n <= 600; n++) give.count(n);
  give.count(600 - GIVE_BACK_AFTER - 50);
  await sleep(60);
  assert.equal(calls(), 0);
});

test('windows opening again before the delay cancel it; the next large drop asks again', async () => {
  const { give, calls } = counted();
  give.count(300);
  give.count(10);
  give.count(300);
  await sleep(60);
  assert.equal(calls(), 0);
  give.count(0);
  await sleep(60);
  assert.equal(calls(), 1);
  give.count(250);
  give.count(5);
  await sleep(60);
  assert.equal(calls(), 2);
});

test('stop() drops a pending collection', async () => {
  const { give, calls } = counted();
  give.count(400);
  give.count(0);
  give.stop();
  await sleep(60);
  assert.equal(calls(), 0);
});

test('the second collection starts once the first is done', async () => {
  const started: number[] = [];
  let finish = (): void => {};
  const give = new GiveBack(() => {
    started.push(started.length);
    return started.length === 1 ? new Promise<void>((r) => { finish = r; }) : Promise.resolve();
  }, 20);
  give.count(300);
  give.count(0);
  await sleep(60);
  assert.deepEqual(started, [0], 'one running');
  finish();
  await sleep(10);
  assert.equal(started.length, GIVE_BACK_PASSES);
});

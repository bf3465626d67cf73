// The event loop's promise: a handler that throws (or a request that fails)
// is logged, and every job after it still runs, in order, and renders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Loop } from '../../src/app/loop.js';

/** Runs `f` with stderr captured (the log goes there). */
async function capturingStderr(f: () => Promise<void>): Promise<string> {
  const original = process.stderr.write.bind(process.stderr);
  let out = '';
  process.stderr.write = ((chunk: string | Uint8Array): boolean => { out += chunk.toString(); return true; }) as typeof process.stderr.write;
  try { await f(); } finally { process.stderr.write = original; }
  return out;
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

test('a throwing job, a rejected request and a throwing apply are logged; later jobs run in order', async () => {
  const ran: string[] = [];
  let renders = 0;
  const loop = new Loop(() => { renders++; });
  const log = await capturingStderr(async () => {
    loop.enqueue(() => { ran.push('first'); }, 'first');
    loop.enqueue(() => { throw new Error('handler bug'); }, 'a throwing handler');
    loop.enqueue(Promise.reject(new Error('BadWindow')), 'a failed request');
    loop.enqueue(Promise.resolve(() => { throw new TypeError('apply bug'); }), 'a throwing apply');
    loop.enqueue(new Promise((r) => setTimeout(() => r(() => { ran.push('slow'); }), 20)), 'slow');
    loop.enqueue(() => { ran.push('last'); }, 'last');
    await loop.idle();
    await tick();
  });
  assert.deepEqual(ran, ['first', 'slow', 'last'], 'every healthy job ran, in the order queued');
  assert.match(log, /error: while handling a throwing handler: Error: handler bug/);
  assert.match(log, /error: while preparing a failed request: BadWindow/);
  assert.match(log, /error: while handling a throwing apply: TypeError: apply bug/);
  assert.ok(renders >= 1, 'rendered once the queue emptied');
});

test('a throwing render is logged and the next one still happens', async () => {
  let calls = 0;
  const loop = new Loop(() => {
    calls++;
    if (calls === 1) throw new Error('render bug');
  });
  const log = await capturingStderr(async () => {
    loop.enqueue(() => {}, 'one');
    await loop.idle();
    await tick();
    loop.enqueue(() => {}, 'two');
    await loop.idle();
    await tick();
  });
  assert.equal(calls, 2);
  assert.match(log, /error: while rendering: Error: render bug/);
});

test('a stopped loop runs nothing more', async () => {
  const ran: string[] = [];
  const loop = new Loop(() => {});
  loop.enqueue(Promise.resolve(() => { ran.push('queued before stop'); }), 'before');
  loop.stop();
  loop.enqueue(() => { ran.push('after stop'); }, 'after');
  await loop.idle();
  assert.deepEqual(ran, []);
});

test('a job queued aside holds no render: what was applied before it is rendered while it waits', async () => {
  const ran: string[] = [];
  const loop = new Loop(() => { ran.push('render'); });
  let release = (): void => {};
  const reply = new Promise<void>((r) => { release = r; });
  loop.enqueue(() => { ran.push('map'); }, 'a map');
  loop.enqueue(reply.then(() => () => { ran.push('icon'); }), 'an icon', true);
  await tick();
  await tick();
  assert.deepEqual(ran, ['map', 'render'], 'rendered without waiting for the aside job');
  release();
  await loop.idle();
  await tick();
  assert.deepEqual(ran, ['map', 'render', 'icon', 'render'], 'its change is rendered once it applies');
});

test('a job that changed nothing on screen (its apply returns false) asks for no render', async () => {
  let renders = 0;
  const loop = new Loop(() => { renders++; });
  loop.enqueue(Promise.resolve(() => false as const), 'an icon that is not there', true);
  await loop.idle();
  await tick();
  assert.equal(renders, 0);
  loop.enqueue(() => {}, 'a change');
  await loop.idle();
  await tick();
  assert.equal(renders, 1);
});

// The X connection flushes its requests from a setImmediate queued with the first of them:
// the render's, queued before the job's requests, sends them with its own in one write.
test('the render is queued before anything the job\'s apply queues for the same turn', async () => {
  const order: string[] = [];
  const loop = new Loop(() => { order.push('render'); });
  loop.enqueue(Promise.resolve(() => { setImmediate(() => order.push('flush')); }), 'a map');
  await loop.idle();
  await tick();
  await tick();
  assert.deepEqual(order, ['render', 'flush']);
});

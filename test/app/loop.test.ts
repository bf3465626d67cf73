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

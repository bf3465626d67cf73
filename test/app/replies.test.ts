// A socket's reply to a command goes out only once the X server has carried out what the
// command changed: a script that reads the reply and then asks X (xdotool getwindowfocus)
// sees the result. Replies keep the order of the requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeFion } from './support.js';

test('a command\'s reply waits for a round trip behind the focus it set; later replies keep their order', async (t) => {
  const { x, wm } = await startFakeFion(t);
  const a = x.createClientWindow({ title: 'first', map: true });
  await x.settle();
  const b = x.createClientWindow({ title: 'second', map: true });
  await x.settle();
  assert.equal(x.focus, b);
  x.clearRequests();
  const order: string[] = [];
  let seenAtReply: string[] = [];
  wm.enqueue(() => {
    const r = wm.runCommandsReport('[title="^first$"] focus window', 'test');
    assert.ok(r.every((c) => c.success), JSON.stringify(r));
    wm.replyInOrder(() => { order.push('command'); seenAtReply = x.requests.map((q) => q.request); }, true);
    wm.replyInOrder(() => order.push('query'), false);
  }, 'a socket request');
  await x.settle();
  assert.equal(x.focus, a);
  assert.deepEqual(order, ['command', 'query']);
  const focusAt = seenAtReply.indexOf('SetInputFocus');
  assert.ok(focusAt >= 0, `the render went out before the reply: ${seenAtReply.join(' ')}`);
  assert.ok(seenAtReply.indexOf('GetInputFocus', focusAt) > focusAt, `a round trip after the focus, before the reply: ${seenAtReply.join(' ')}`);
});

// The X boundary under a pipeline of mixed requests: every reply, every error
// and every checked void request reaches its own caller, in the same turn as
// hundreds of others in flight (node-x11's void-request sweep is replaced in
// src/x/sweep.ts; this is what it must keep true).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startXvfb, type Xvfb } from '../harness/xvfb.js';
import { XConnection } from '../../src/x/connection.js';
import { isFailure, XFailure, type Atom, type WindowId } from '../../src/x/types.js';
import { installLinearVoidSweep } from '../../src/x/sweep.js';
import type { XClient } from 'x11';
import { XProxy } from '../harness/xproxy.js';

let server: Xvfb | null = null;
after(async () => { await server?.stop(); });

test('replies, errors and checked void requests all reach their callbacks, in a long pipeline', async () => {
  server = await startXvfb();
  const x = await XConnection.connect(server.display);
  const stray: XFailure[] = [];
  x.onError((f) => stray.push(f));
  const root = x.screens[0]!.root;
  const w = x.createWindow(x.allocId(), root, 0, 0, 10, 10, { eventMask: 1 << 22 /* PropertyChange: events interleave */ });
  const gone = 0x3fffff0 as WindowId; // no such window
  const atom = await x.internAtom('FION_TEST_PROP');
  assert.ok(!isFailure(atom));
  const checks: Promise<void>[] = [];
  for (let i = 0; i < 600; i++) {
    x.changeProperty(w, atom, 6 as Atom /* CARDINAL */, 32, [i]);
    switch (i % 4) {
      case 0: checks.push(x.getProperty(w, atom, 0, 1).then((p) => {
        assert.ok(!isFailure(p) && p !== null, `reply ${i}`);
        assert.equal(p.data.readUInt32LE(0), i, `reply ${i} is its own`);
      })); break;
      case 1: checks.push(x.selectInputChecked(w, 1 << 22).then((f) => assert.equal(f, null, `checked ${i} succeeded`))); break;
      case 2: checks.push(x.selectInputChecked(gone, 1 << 22).then((f) => assert.equal(f?.name, 'BadWindow', `checked ${i} failed`))); break;
      default: checks.push(x.getProperty(gone, atom, 0, 1).then((p) => assert.ok(isFailure(p) && p.name === 'BadWindow', `error ${i}`)));
    }
  }
  await Promise.all(checks);
  await x.sync();
  assert.deepEqual(stray, [], 'no error escaped to the connection-wide handler');
  await x.close();
});

test('the sweep: void callbacks up to a sequence number hear null once, in order; replies are left to their packets', () => {
  const heard: string[] = [];
  const replies: Record<number, unknown[]> = {};
  const fake = { replies, options: {}, _recv_seq: 0, _sweepVoid: (_: number): void => {} };
  installLinearVoidSweep(fake as unknown as XClient);
  const voidAt = (seq: number): void => { replies[seq] = [null, (e: null) => heard.push(`${seq}:${String(e)}`)]; };
  const replyAt = (seq: number): void => { replies[seq] = [() => null, () => heard.push(`reply ${seq}`)]; };
  voidAt(1); replyAt(2); voidAt(3); voidAt(5); voidAt(9);
  fake._sweepVoid(4);
  assert.deepEqual(heard, ['1:null', '3:null']);
  fake._sweepVoid(4);
  fake._sweepVoid(2);
  assert.deepEqual(heard, ['1:null', '3:null'], 'nothing twice');
  fake._sweepVoid(9);
  assert.deepEqual(heard, ['1:null', '3:null', '5:null', '9:null']);
  assert.deepEqual(Object.keys(replies), ['2'], 'the request with a reply is still pending');
});

test('font metrics read from the raw QueryFont reply: the same as node-x11 parses; a missing font is a failure', async () => {
  server ??= await startXvfb();
  const x = await XConnection.connect(server.display);
  x.onError(() => {}); // OpenFont of the missing font: BadName, expected
  for (const name of ['-misc-fixed-medium-r-normal--13-120-75-75-c-70-iso10646-1', 'fixed']) {
    const f = await x.openFont(name);
    assert.ok(!isFailure(f), name);
    const q = await x.request<import('x11').FontInfoReply>((c, cb) => c.QueryFont(f.id, cb));
    assert.ok(!isFailure(q), name);
    const { widths, ...rest } = f.metrics;
    assert.deepEqual(rest, { ascent: q.fontAscent, descent: q.fontDescent, charWidth: q.maxBounds.characterWidth }, name);
    // Each character the parsed reply has (any metric non-zero) has its width; the others 0.
    const [b1lo, b1hi, b2lo, b2hi] = [q.minByte1 ?? 0, q.maxByte1 ?? 0, q.minCharOrByte2 ?? 0, q.maxCharOrByte2 ?? 0];
    const infos = q.charInfos ?? [];
    const cols = b2hi - b2lo + 1;
    let have = 0;
    for (let b1 = b1lo; b1 <= b1hi; b1++) {
      for (let b2 = b2lo; b2 <= b2hi; b2++) {
        const ci = infos[(b1 - b1lo) * cols + (b2 - b2lo)]!;
        const exists = ci.characterWidth !== 0 || ci.leftSideBearing !== 0 || ci.rightSideBearing !== 0 || ci.ascent !== 0 || ci.descent !== 0;
        if (exists) have++;
        assert.equal(widths?.[b1 * 256 + b2], exists ? Math.max(1, ci.characterWidth) : 0, `${name}: U+${(b1 * 256 + b2).toString(16)}`);
      }
    }
    assert.ok(have > 200, `${name}: ${have} characters`);
  }
  const missing = await x.openFont('-no-such-foundry-font-*');
  assert.ok(isFailure(missing));
  await x.close();
});

test('a connection the server end resets (no end of stream) is reported closed', async () => {
  server ??= await startXvfb();
  // A display of our own that forwards to the test server, so the test can break the link.
  const proxy = await XProxy.open(server.display);
  try {
    const x = await XConnection.connect(proxy.display);
    const failures: XFailure[] = [];
    x.onError((f) => failures.push(f));
    const closed = new Promise<string>((r) => x.onClose(() => r('closed')));
    // The far end stops reading, requests pile up unread in its buffer, then it goes: on
    // Linux the near end's next read fails with ECONNRESET, and no end of stream comes.
    const far = proxy.clients[0]!;
    far.pause();
    const root = x.screens[0]!.root;
    // More than the far end's stream buffer and socket buffer take, so some stays unread.
    const chunk = Buffer.alloc(16_000, 0x61);
    for (let i = 0; i < 100; i++) x.changeProperty(root, 31 as Atom /* STRING */, 31 as Atom, 8, chunk);
    await new Promise((r) => setTimeout(r, 200));
    far.destroy();
    const how = await Promise.race([closed, new Promise<string>((r) => setTimeout(() => r('not reported closed within 5 s'), 5000))]);
    assert.equal(how, 'closed', `failures seen: ${failures.map((f) => f.name).join(', ')}`);
    assert.ok(x.isClosed);
    await x.close();
  } finally {
    await proxy.close();
  }
});

// Hostile and broken peers on the i3 socket: random bytes, bad magic, absurd lengths,
// random message types and payloads, frames cut off by a disconnect, a peer that never
// reads. Each harms only its own connection: a well-behaved client asking all along gets
// every answer, and Fion is still there at the end.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { openSession, type Session } from '../harness/session.js';
import { tempDir } from '../harness/tmp.js';
import { waitFor } from '../harness/wait.js';
import { encodeI3, I3_HEADER_BYTES, I3_MAX_PAYLOAD, I3_MESSAGES, I3Reader, type I3Frame } from '../../src/ipc/i3wire.js';

let s: Session;
let sock: string;
const runtime = tempDir('fion-i3fuzz-');

/** A raw peer: writes what it is given, collects the frames it gets back. */
class RawI3 {
  readonly frames: I3Frame[] = [];
  closed = false;
  private readonly reader = new I3Reader(64 * 1024 * 1024);

  private constructor(readonly socket: Socket) {
    socket.on('data', (d: Buffer) => { this.frames.push(...this.reader.push(d).frames); });
    socket.on('close', () => { this.closed = true; });
    socket.on('error', () => { this.closed = true; });
  }

  static open(): Promise<RawI3> {
    return new Promise((resolve, reject) => {
      const c = connect(sock);
      c.once('connect', () => resolve(new RawI3(c)));
      c.once('error', reject);
    });
  }

  async ask(type: number, payload = ''): Promise<unknown> {
    const before = this.frames.length;
    this.socket.write(encodeI3(type, payload));
    const f = await waitFor(`a reply to ${type}`, () => this.frames[before], 10000);
    assert.equal(f.type, type);
    return JSON.parse(f.payload.toString('utf8'));
  }
}

/** Deterministic randomness (mulberry32): a failing run is repeated by its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

before(async () => {
  s = await openSession({ fion: { env: { XDG_RUNTIME_DIR: runtime } } });
  await waitFor('the i3 socket', () => s.fion.log().includes('i3 ipc: listening on '), 15000);
  sock = join(runtime, 'fion', `${s.display.slice(1)}.i3.sock`);
});
after(async () => { await s.close(); });

test('a frame written one byte at a time is answered', async () => {
  const p = await RawI3.open();
  const frame = encodeI3(I3_MESSAGES.GET_VERSION, '');
  for (const b of frame) {
    p.socket.write(Buffer.from([b]));
    await new Promise((r) => setImmediate(r));
  }
  const f = await waitFor('the reply', () => p.frames[0], 5000);
  assert.equal((JSON.parse(f.payload.toString()) as { major: number }).major, 4);
  p.socket.destroy();
});

test('bad magic and an oversized length close that peer only', async () => {
  const bad = await RawI3.open();
  bad.socket.write(Buffer.from('hello, i3?\n'));
  await waitFor('the bad peer closed', () => bad.closed, 5000);
  const huge = await RawI3.open();
  const head = encodeI3(I3_MESSAGES.RUN_COMMAND, '').subarray(0, I3_HEADER_BYTES);
  head.writeUInt32LE(I3_MAX_PAYLOAD + 1, 6);
  huge.socket.write(head);
  await waitFor('the oversized peer closed', () => huge.closed, 5000);
  const good = await RawI3.open();
  assert.deepEqual(await good.ask(I3_MESSAGES.GET_BINDING_STATE), { name: 'default' });
  good.socket.destroy();
});

test('fuzz: 400 hostile peers while a good one keeps asking; Fion survives and answers', async () => {
  const seed = Number(process.env.FION_FUZZ_SEED ?? 20261204);
  const rand = rng(seed);
  const int = (n: number): number => Math.floor(rand() * n);
  const bytes = (n: number): Buffer => Buffer.from(Array.from({ length: n }, () => int(256)));
  const good = await RawI3.open();
  let answered = 0;
  let stop = false;
  const asking = (async () => {
    while (!stop) {
      const v = await good.ask(I3_MESSAGES.GET_WORKSPACES) as { name: string }[];
      assert.equal(v[0]!.name, '1');
      answered++;
    }
  })();
  const kinds = new Map<string, number>();
  for (let round = 0; round < 20; round++) {
    await Promise.all(Array.from({ length: 20 }, async () => {
      const p = await RawI3.open();
      const kind = ['garbage', 'header', 'frames', 'cut', 'huge'][int(5)]!;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      switch (kind) {
        case 'garbage': p.socket.write(bytes(1 + int(512))); break;
        case 'header': {
          const h = Buffer.alloc(I3_HEADER_BYTES);
          Buffer.from('i3-ipc').copy(h);
          h.writeUInt32LE(int(2 ** 32), 6);
          h.writeUInt32LE(int(2 ** 32), 10);
          p.socket.write(Buffer.concat([h, bytes(int(256))]));
          break;
        }
        case 'frames':
          // Any type but RUN_COMMAND and SEND_TICK (random commands could do real things;
          // ticks are harmless but flood nothing here), random or JSON-ish payloads.
          for (let i = 0; i < 1 + int(10); i++) {
            let type = int(20);
            if (type === I3_MESSAGES.RUN_COMMAND || type === I3_MESSAGES.SEND_TICK) type = 2 ** 31 + int(100);
            const payload = int(2) === 0 ? bytes(int(200)) : Buffer.from(JSON.stringify(int(2) === 0 ? { window: int(2 ** 32), rnd: -1 } : ['window', int(9)]));
            p.socket.write(encodeI3(type, payload));
          }
          break;
        case 'cut': {
          const f = encodeI3(I3_MESSAGES.GET_TREE, 'x'.repeat(int(1000)));
          p.socket.write(f.subarray(0, int(f.length)));
          break;
        }
        case 'huge': {
          const h = encodeI3(I3_MESSAGES.RUN_COMMAND, '').subarray(0, I3_HEADER_BYTES);
          h.writeUInt32LE(I3_MAX_PAYLOAD + 1 + int(2 ** 20), 6);
          p.socket.write(Buffer.concat([h, bytes(int(4096))]));
          break;
        }
      }
      await new Promise((r) => setTimeout(r, int(20)));
      p.socket.destroy();
    }));
  }
  stop = true;
  await asking;
  assert.ok(answered > 0, 'the good peer was answered all along');
  assert.equal(s.fion.process.exitCode, null, 'Fion still runs');
  assert.deepEqual(await good.ask(I3_MESSAGES.GET_BINDING_STATE), { name: 'default' });
  assert.doesNotMatch(s.fion.log(), /error: (i3 ipc|while handling i3)/, 'no peer made Fion fail internally');
  console.log(`seed ${seed}: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}; the good peer was answered ${answered} times`);
  good.socket.destroy();
});

test('a peer that floods requests and never reads is dropped; others are answered', async () => {
  const flood = await RawI3.open();
  flood.socket.pause();
  const one = encodeI3(I3_MESSAGES.GET_TREE, '');
  flood.socket.write(Buffer.concat(Array.from({ length: 20000 }, () => one)));
  // Each peer has at most a few hundred messages in Fion's queue: the good one is next.
  const good = await RawI3.open();
  assert.deepEqual(await good.ask(I3_MESSAGES.GET_BINDING_STATE), { name: 'default' });
  await waitFor('the flooding peer dropped', () => s.fion.log().includes('does not read'), 30000);
  assert.deepEqual(await good.ask(I3_MESSAGES.GET_BINDING_STATE), { name: 'default' });
  flood.socket.destroy();
  good.socket.destroy();
});

test('20000 subscriptions in one write (each answered at once) neither nest nor stall', async () => {
  const p = await RawI3.open();
  const one = encodeI3(I3_MESSAGES.SUBSCRIBE, '["window"]');
  p.socket.write(Buffer.concat(Array.from({ length: 20000 }, () => one)));
  await waitFor('every reply', () => p.frames.length >= 20000, 30000);
  const good = await RawI3.open();
  assert.deepEqual(await good.ask(I3_MESSAGES.GET_BINDING_STATE), { name: 'default' });
  assert.equal(s.fion.process.exitCode, null);
  p.socket.destroy();
  good.socket.destroy();
});

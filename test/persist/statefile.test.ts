// The state file: written private and whole, read back only when it is for this
// display and fresh; anything else is set aside as .rejected, never deleted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createModel, addClient, windowId } from '../../src/model/index.js';
import { readStateFile, removeStateFile, stateFilePath, writeStateFile, MAX_STATE_AGE_MS } from '../../src/persist/statefile.js';
import { tempDir } from '../harness/tmp.js';

const model = addClient(createModel([{ name: 'A', screen: 0, rect: { x: 0, y: 0, width: 800, height: 600 } }], ['web']),
  { id: windowId(0x400001), title: 't', instance: 'i', class: 'C', urgent: true });

test('the path follows XDG_RUNTIME_DIR, else /tmp/fion-<uid>; the display cannot leave the folder', () => {
  assert.equal(stateFilePath(':1', { XDG_RUNTIME_DIR: '/run/user/7' }), '/run/user/7/fion/:1.state.json');
  assert.match(stateFilePath(':1', {}), /^\/tmp\/fion-\d+\/:1\.state\.json$/);
  assert.equal(stateFilePath('../../x:1', { XDG_RUNTIME_DIR: '/r' }), '/r/fion/.._.._x:1.state.json');
});

test('written 0600 in a 0700 folder, read back equal, removed on request', () => {
  const path = stateFilePath(':3', { XDG_RUNTIME_DIR: tempDir('fion-state-') });
  writeStateFile(path, model, ':3');
  assert.equal(statSync(path).mode & 0o777, 0o600);
  assert.equal(statSync(join(path, '..')).mode & 0o777, 0o700);
  const r = readStateFile(path, ':3');
  assert.equal(r.kind, 'ok');
  assert.deepEqual(r.kind === 'ok' ? r.model : null, model);
  assert.ok(existsSync(path), 'kept until the caller has started with it');
  removeStateFile(path);
  assert.deepEqual(readStateFile(path, ':3'), { kind: 'none' });
});

test('garbage, another display, a stale file: rejected and kept aside as .rejected', () => {
  const path = stateFilePath(':4', { XDG_RUNTIME_DIR: tempDir('fion-state-') });
  mkdirSync(join(path, '..'));
  const cases: [() => void, RegExp][] = [
    [() => writeFileSync(path, '\u0000\u0001 garbage'), /not JSON/],
    [() => writeFileSync(path, '[1, 2]'), /not a Fion state file/],
    [() => writeStateFile(path, model, ':9'), /written for display :9/],
    [() => writeStateFile(path, model, ':4', Date.now() - MAX_STATE_AGE_MS - 1000), /stale/],
    [() => writeFileSync(path, JSON.stringify({ format: 'fion-state', version: 1, display: ':4', savedAt: Date.now(), model: { nextId: 'x' } })), /model\.nextId/],
  ];
  for (const [write, why] of cases) {
    write();
    const written = readFileSync(path, 'utf8');
    const r = readStateFile(path, ':4');
    assert.equal(r.kind, 'rejected');
    assert.match(r.kind === 'rejected' ? r.why : '', why);
    assert.equal(existsSync(path), false);
    assert.equal(readFileSync(`${path}.rejected`, 'utf8'), written, 'kept for inspection');
  }
});

test('a state path that is not a regular file is rejected unread, and set aside', () => {
  const path = stateFilePath(':5', { XDG_RUNTIME_DIR: tempDir('fion-state-') });
  mkdirSync(path, { recursive: true });
  const r = readStateFile(path, ':5');
  assert.deepEqual(r, { kind: 'rejected', why: 'unreadable (not a regular file)', keptAs: `${path}.rejected` });
  assert.ok(statSync(`${path}.rejected`).isDirectory());
});

test('each write replaces the file whole (a new file renamed over the old), so a crash mid-write leaves the previous state', () => {
  const path = stateFilePath(':9', { XDG_RUNTIME_DIR: tempDir('fion-state-') });
  writeStateFile(path, model, ':9');
  const first = statSync(path).ino;
  // What a writer killed halfway leaves behind: a truncated temp file next to the state.
  writeFileSync(`${path}.12345.tmp`, '{"format": "fion-st');
  const read = readStateFile(path, ':9');
  assert.equal(read.kind, 'ok', 'the state itself is whole');
  writeStateFile(path, model, ':9');
  assert.notEqual(statSync(path).ino, first, 'written elsewhere, then renamed over: never rewritten in place');
  assert.equal(readStateFile(path, ':9').kind, 'ok');
});

test('a writer killed (SIGKILL) at random moments, twenty times, never leaves a state file that cannot be used', async () => {
  const path = stateFilePath(':8', { XDG_RUNTIME_DIR: tempDir('fion-state-') });
  const big = Array.from({ length: 300 }, (_, i) => i).reduce((m, i) =>
    addClient(m, { id: windowId(0x500000 + i), title: `window ${i} ${'x'.repeat(200)}`, instance: 'i', class: 'C', urgent: false }), model);
  writeStateFile(path, big, ':8');
  const mod = new URL('../../src/persist/statefile.js', import.meta.url).href;
  const modelMod = new URL('../../src/model/index.js', import.meta.url).href;
  // The child writes the same state again and again, as fast as it can.
  const script = `const s = await import(${JSON.stringify(mod)}); const m = await import(${JSON.stringify(modelMod)});
    const r = s.readStateFile(${JSON.stringify(path)}, ':8'); if (r.kind !== 'ok') process.exit(3);
    process.send('ready'); for (;;) s.writeStateFile(${JSON.stringify(path)}, r.model, ':8');`;
  let writes = 0;
  for (let i = 0; i < 20; i++) {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    await new Promise<void>((resolve, reject) => { child.once('message', () => resolve()); child.once('exit', (c) => reject(new Error(`writer exited ${c}`))); });
    await new Promise((r) => setTimeout(r, 5 + Math.random() * 60));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const read = readStateFile(path, ':8');
    assert.equal(read.kind, 'ok', `after kill ${i + 1}: ${JSON.stringify(read)}`);
    if (read.kind === 'ok') assert.equal(read.model.clients.size, 301);
    writes++;
  }
  assert.equal(writes, 20);
});

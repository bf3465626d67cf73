// Shell completion's candidates: from the declarations (verbs and their words, request
// types, events) and the running Fion's workspaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { candidates } from '../../src/complete.js';

const none = async (): Promise<never[]> => [];
const two = async (): Promise<{ number: number; name: string }[]> => [{ number: 1, name: 'web' }, { number: 2, name: 'mail' }];

test('the top level: subcommands and options', async () => {
  assert.deepEqual(await candidates([''], none), ['msg', 'check-config', '--display', '--config', '--replace', '--verbose', '--help', '--version']);
  assert.deepEqual(await candidates(['--v'], none), ['--verbose', '--version']);
});

test('fion msg: verbs, then the words a verb takes, after each ;', async () => {
  assert.ok((await candidates(['msg', ''], none)).includes('workspace'));
  assert.deepEqual(await candidates(['msg', 'wor'], none), ['workspace']);
  const ws = await candidates(['msg', 'workspace', ''], none);
  for (const w of ['next', 'prev', 'goto', 'create']) assert.ok(ws.includes(w), `${w} in ${ws.join(' ')}`);
  assert.deepEqual(await candidates(['msg', 'bar', 't'], none), ['toggle']);
  assert.deepEqual(await candidates(['msg', 'workspace', 'next;', 'ba'], none), ['bar']);
  assert.deepEqual(await candidates(['msg', 'log', 'level', 'd'], none), ['debug']);
});

test('fion msg: request types after -t, events after -t subscribe, options after -', async () => {
  assert.deepEqual(await candidates(['msg', '-t', 'tr'], none), ['tree']);
  assert.deepEqual(await candidates(['msg', '-t', 'subscribe', 'wo'], none), ['workspace']);
  assert.deepEqual(await candidates(['msg', '--r'], none), ['--raw']);
  assert.deepEqual(await candidates(['msg', '-t', 'tree', ''], none), []);
});

test('workspace goto completes the running Fion\'s workspace numbers; without a Fion, nothing', async () => {
  assert.deepEqual(await candidates(['msg', 'workspace', 'goto', ''], two), ['1', '2']);
  assert.deepEqual(await candidates(['msg', 'workspace', 'goto', ''], async () => { throw new Error('no Fion'); }), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promptKey, promptText, type Prompt, type PromptKey } from '../../src/keys/prompt.js';
import { keysymChar } from '../../src/keys/keypress.js';

const p: Prompt = { label: 'rename workspace', command: 'workspace rename', text: '' };
const ch = (c: string): PromptKey => ({ keysym: c, char: c, ctrl: false });
const named = (keysym: string, ctrl = false): PromptKey => ({ keysym, char: null, ctrl });

function type(prompt: Prompt, keys: PromptKey[]): ReturnType<typeof promptKey> {
  let r: ReturnType<typeof promptKey> = { kind: 'open', prompt };
  for (const k of keys) {
    assert.equal(r.kind, 'open');
    if (r.kind !== 'open') break;
    r = promptKey(r.prompt, k);
  }
  return r;
}

test('typing then Return runs the command with the text as one word', () => {
  const r = type(p, [...'my web'].map(ch), );
  assert.equal(r.kind, 'open');
  assert.deepEqual(promptKey((r as { prompt: Prompt }).prompt, named('Return')), { kind: 'done', command: "workspace rename 'my web'" });
});

test('BackSpace deletes the last character (a whole code point), ctrl+u clears', () => {
  const r = type(p, [ch('a'), ch('🙂'), named('BackSpace')]);
  assert.deepEqual(r, { kind: 'open', prompt: { ...p, text: 'a' } });
  const cleared = type(p, [ch('a'), ch('b'), { keysym: 'u', char: 'u', ctrl: true }]);
  assert.deepEqual(cleared, { kind: 'open', prompt: p });
});

test('Escape cancels, and Return on an empty text cancels too', () => {
  assert.deepEqual(type(p, [ch('x'), named('Escape')]), { kind: 'cancelled' });
  assert.deepEqual(promptKey(p, named('Return')), { kind: 'cancelled' });
});

test('keys that type nothing are ignored; the bar shows label, text and a cursor', () => {
  const r = type(p, [ch('a'), named('Left'), named('F1')]);
  assert.deepEqual(r, { kind: 'open', prompt: { ...p, text: 'a' } });
  assert.equal(promptText({ ...p, text: 'a' }), 'rename workspace: a_');
});

test('keysymChar: Latin-1 and Unicode keysyms', () => {
  assert.equal(keysymChar(0x61), 'a');
  assert.equal(keysymChar(0xe9), 'é');
  assert.equal(keysymChar(0x10020ac), '€');
  assert.equal(keysymChar(0xff0d), null); // Return
});

test('a question: one key answers at once, other keys wait, Escape or an empty answer drops it', () => {
  const q: Prompt = { label: 'restore the last session?', command: '', text: '', answers: { y: 'session restore', n: '' } };
  assert.equal(promptText(q), 'restore the last session? [y/n]');
  assert.deepEqual(promptKey(q, ch('y')), { kind: 'done', command: 'session restore' });
  assert.deepEqual(promptKey(q, ch('n')), { kind: 'cancelled' });
  assert.deepEqual(promptKey(q, ch('x')), { kind: 'open', prompt: q });
  assert.deepEqual(promptKey(q, named('Return')), { kind: 'open', prompt: q });
  assert.deepEqual(promptKey(q, { keysym: 'y', char: 'y', ctrl: true }), { kind: 'open', prompt: q });
  assert.deepEqual(promptKey(q, ch('constructor')), { kind: 'open', prompt: q }, 'no inherited key answers');
  assert.deepEqual(promptKey(q, named('Escape')), { kind: 'cancelled' });
});

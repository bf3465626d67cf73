// The registry of verbs: each declaration is complete, its examples are in the form
// Fion prints, and no word belongs to two declarations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCommand, parseCommand, VERB_HELP } from '../../src/commands/index.js';
import { VERBS } from '../../src/commands/verbs/index.js';

test('every verb has a help line, starting with its word', () => {
  assert.deepEqual(Object.keys(VERB_HELP), VERBS.map((d) => d.word));
  for (const decl of VERBS) {
    assert.match(decl.help, new RegExp(`^${decl.word} \\S`), decl.word);
    assert.equal(VERB_HELP[decl.word], decl.help);
  }
});

test('every example parses to its own verb and prints back the same', () => {
  for (const decl of VERBS) {
    assert.ok(decl.examples.length > 0, `${decl.word} has no examples`);
    for (const example of decl.examples) {
      const r = parseCommand(example);
      if (!r.ok) assert.fail(`"${example}": ${r.error}`);
      assert.equal(r.command.verb, decl.word, example);
      assert.equal(formatCommand(r.command), example);
      assert.deepEqual(parseCommand(formatCommand(r.command)), r, example);
    }
  }
});

test('no two declarations claim one word; words are one lower-case word', () => {
  const seen = new Set<string>();
  for (const { word } of VERBS) {
    assert.ok(!seen.has(word), `"${word}" is declared twice`);
    seen.add(word);
    assert.match(word, /^[a-z]+$/);
  }
});

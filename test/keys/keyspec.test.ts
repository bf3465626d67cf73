import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatKeySpec, MODIFIERS, normalizeKeySpec, parseKeySpec, type KeySpec } from '../../src/keys/keyspec.js';
import { keysymNames } from '../../src/x/keysyms.js';

function ok(text: string): KeySpec {
  const r = parseKeySpec(text);
  if (!r.ok) assert.fail(`${text}: ${r.error}`);
  return r.spec;
}
function err(text: string): string {
  const r = parseKeySpec(text);
  if (r.ok) assert.fail(`${text} parsed as ${formatKeySpec(r.spec)}`);
  return r.error;
}

test('plain specs', () => {
  assert.deepEqual(ok('super+Return'), { modifiers: ['super'], keysym: 'Return' });
  assert.deepEqual(ok('q'), { modifiers: [], keysym: 'q' });
  assert.deepEqual(ok('super+1'), { modifiers: ['super'], keysym: '1' });
  assert.deepEqual(ok('ctrl+alt+Delete'), { modifiers: ['ctrl', 'alt'], keysym: 'Delete' });
  assert.deepEqual(ok('F1'), { modifiers: [], keysym: 'F1' });
  assert.deepEqual(ok('XF86AudioRaiseVolume'), { modifiers: [], keysym: 'XF86AudioRaiseVolume' });
  assert.deepEqual(ok('mod3+mod5+x'), { modifiers: ['mod3', 'mod5'], keysym: 'x' });
});

test('modifier aliases, case and order do not matter', () => {
  for (const s of ['super+shift+q', 'shift+super+q', 'Win+Shift+q', 'MOD4+shift+q', 'super+win+shift+q', ' super + shift + q ']) {
    assert.equal(normalizeKeySpec(s), 'super+shift+q', s);
  }
  assert.equal(normalizeKeySpec('control+mod1+x'), 'ctrl+alt+x');
  assert.equal(normalizeKeySpec('shift+alt+ctrl+super+x'), 'super+ctrl+alt+shift+x');
});

test('key aliases and case-insensitive names', () => {
  assert.equal(normalizeKeySpec('super+enter'), 'super+Return');
  assert.equal(normalizeKeySpec('super+Enter'), 'super+Return');
  assert.equal(normalizeKeySpec('esc'), 'Escape');
  assert.equal(normalizeKeySpec('super+space'), 'super+space');
  assert.equal(normalizeKeySpec('super+SPACE'), 'super+space');
  assert.equal(normalizeKeySpec('super+return'), 'super+Return');
  assert.equal(normalizeKeySpec('super+tab'), 'super+Tab');
  assert.equal(normalizeKeySpec('super+left'), 'super+Left');
  assert.equal(normalizeKeySpec('f12'), 'F12');
  assert.equal(normalizeKeySpec('pgup'), 'Prior');
  assert.equal(normalizeKeySpec('Page_Up'), 'Prior');
  assert.equal(normalizeKeySpec('del'), 'Delete');
});

test('single characters stand for their keysym; "+" is the plus key', () => {
  assert.equal(normalizeKeySpec('super+,'), 'super+comma');
  assert.equal(normalizeKeySpec('super+++'.slice(0, 7)), 'super+plus');
  assert.equal(normalizeKeySpec('super++'), 'super+plus');
  assert.equal(normalizeKeySpec('+'), 'plus');
  assert.equal(normalizeKeySpec('super+plus'), 'super+plus');
  assert.equal(normalizeKeySpec('super+/'), 'super+slash');
  assert.equal(normalizeKeySpec('super+['), 'super+bracketleft');
});

test('an upper-case letter means shift + the letter', () => {
  assert.deepEqual(ok('super+Q'), { modifiers: ['super', 'shift'], keysym: 'q' });
  assert.equal(normalizeKeySpec('super+shift+Q'), 'super+shift+q');
  assert.equal(normalizeKeySpec('Q'), 'shift+q');
  // Not letters: left as they are.
  assert.equal(normalizeKeySpec('super+exclam'), 'super+exclam');
  assert.equal(normalizeKeySpec('super+Eacute'), 'super+Eacute');
});

test('errors name the problem', () => {
  assert.match(err(''), /empty/);
  assert.match(err('   '), /empty/);
  assert.match(err('super+'), /no key/);
  assert.match(err('super+shift'), /ends in the modifier "shift"/);
  assert.match(err('super+nosuchkey'), /unknown keysym "nosuchkey"/);
  assert.match(err('hyper+q'), /unknown modifier "hyper"/);
  assert.match(err('super+a+b'), /unknown modifier "a"/);
  assert.match(err('super++q'), /empty part/);
  assert.match(err('mod2+q'), /Num Lock/);
  assert.match(err('super+EACUTE'), /ambiguous keysym "EACUTE".*"Eacute" or "eacute"|ambiguous keysym "EACUTE".*"eacute" or "Eacute"/);
  assert.match(err('x'.repeat(300)), /too long/);
});

test('format(parse(x)) is a fixed point, for every keysym name and modifier set', () => {
  const names = [...keysymNames()];
  fc.assert(
    fc.property(fc.subarray([...MODIFIERS, 'win', 'control', 'mod1', 'mod4'] as string[]), fc.constantFrom(...names), fc.boolean(), (mods, name, shuffle) => {
      const parts = shuffle ? [...mods].reverse() : mods;
      const r = parseKeySpec([...parts, name].join('+'));
      assert.ok(r.ok, name);
      const text = formatKeySpec(r.spec);
      const again = parseKeySpec(text);
      assert.ok(again.ok);
      assert.deepEqual(again.spec, r.spec);
      assert.equal(formatKeySpec(again.spec), text);
      // sorted and unique
      const order = again.spec.modifiers.map((m) => MODIFIERS.indexOf(m));
      assert.deepEqual(order, [...new Set(order)].sort((a, b) => a - b));
    }),
    { numRuns: 1000 },
  );
});

test('parseKeySpec never throws', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 60 }), (s) => {
      const r = parseKeySpec(s);
      if (r.ok) assert.equal(normalizeKeySpec(formatKeySpec(r.spec)), formatKeySpec(r.spec));
    }),
    { numRuns: 2000 },
  );
});

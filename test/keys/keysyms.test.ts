import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { keysymByName, keysymName, keysymNames } from '../../src/x/keysyms.js';
import { KEYSYMDEF_PATH, keysymdefSource } from '../../scripts/keysymdef.js';

test('src/x/keysymdef.ts is the x11 package\'s table (node dist/scripts/keysymdef.js --write)', () => {
  assert.equal(readFileSync(KEYSYMDEF_PATH, 'utf8'), keysymdefSource());
});

test('well-known keysyms', () => {
  assert.equal(keysymByName('Return'), 0xff0d);
  assert.equal(keysymByName('Escape'), 0xff1b);
  assert.equal(keysymByName('q'), 0x71);
  assert.equal(keysymByName('Q'), 0x51);
  assert.equal(keysymByName('1'), 0x31);
  assert.equal(keysymByName('space'), 0x20);
  assert.equal(keysymByName('F1'), 0xffbe);
  assert.equal(keysymByName('Super_L'), 0xffeb);
  assert.equal(keysymByName('XF86AudioMute'), 0x1008ff12);
  assert.equal(keysymByName('return'), undefined, 'names are case-sensitive');
  assert.equal(keysymByName('XK_Return'), undefined, 'no XK_ prefix');
  assert.equal(keysymByName('NoSymbol'), undefined);
  assert.equal(keysymByName('nosuchkey'), undefined);
});

test('codes to names: the first name keysymdef.h lists', () => {
  assert.equal(keysymName(0xff0d), 'Return');
  assert.equal(keysymName(0xff55), 'Prior');
  assert.equal(keysymName(keysymByName('Page_Up')!), 'Prior');
  assert.equal(keysymName(0x1008ff13), 'XF86AudioRaiseVolume');
  assert.equal(keysymName(0x7fffffff), undefined);
});

test('Unicode keysyms, like XStringToKeysym', () => {
  assert.equal(keysymByName('U20AC'), 0x10020ac);
  assert.equal(keysymName(0x10020ac), 'U20AC');
  assert.equal(keysymByName('U0041'), 0x41);
  assert.equal(keysymByName('U0001'), undefined);
});

test('every name round-trips to a code whose name maps back to the same code', () => {
  let n = 0;
  for (const name of keysymNames()) {
    const code = keysymByName(name);
    assert.ok(code !== undefined);
    const canonical = keysymName(code);
    assert.ok(canonical !== undefined);
    assert.equal(keysymByName(canonical), code);
    n++;
  }
  assert.ok(n > 2000);
});

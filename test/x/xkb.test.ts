// The layouts named in an XKB symbols name, group 1 first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutNames } from '../../src/x/xkb.js';

test('layouts from the symbols names setxkbmap gives', () => {
  assert.deepEqual(layoutNames('pc+us+inet(evdev)'), ['us']);
  assert.deepEqual(layoutNames('pc+us+ru:2+inet(evdev)'), ['us', 'ru']);
  assert.deepEqual(layoutNames('pc+ru+us:2+inet(evdev)+capslock(grouplock)'), ['ru', 'us']);
  assert.deepEqual(layoutNames('pc+us(dvorak)+gr:2+il:3+inet(evdev)+group(alt_shift_toggle)'), ['us', 'gr', 'il']);
  assert.deepEqual(layoutNames('pc+de(nodeadkeys)+inet(evdev)+compose(ralt)+ctrl(nocaps)'), ['de']);
  assert.deepEqual(layoutNames(''), []);
  assert.deepEqual(layoutNames('+++garbage(((:9'), []);
});

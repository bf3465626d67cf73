// i3's focus floating|tiling|mode_toggle, translated to Fion's and run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addClient, createModel, findClient, focusClient, focusedClient, type Model } from '../../src/model/index.js';
import { runI3 } from './support.js';
import { client, monitor, w } from '../model/support.js';

const i3 = (m: Model, text: string): Model => runI3(m, text);

// Tiles 1 and 4 (4 shown), floats 2 and 3; 2 was focused last of the floats.
function mixed(): Model {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, client(2), undefined, { floating: true });
  m = addClient(m, client(3), undefined, { floating: true });
  m = focusClient(m, w(2));
  m = addClient(m, client(4));
  return focusClient(m, w(4));
}

test('focus floating goes to the float focused last, focus tiling back to the tile, mode_toggle between them', () => {
  let m = i3(mixed(), 'focus floating');
  assert.equal(focusedClient(m), w(2));
  m = i3(m, 'focus tiling');
  assert.equal(focusedClient(m), w(4));
  m = i3(m, 'focus mode_toggle');
  assert.equal(focusedClient(m), w(2));
  m = i3(m, 'focus mode_toggle');
  assert.equal(focusedClient(m), w(4));
  assert.equal(focusedClient(i3(m, 'focus tiling')), w(4), 'already there: nothing changes');
});

test('focus floating with no float, or tiling with no tiled window, is refused with the reason', () => {
  const tiledOnly = addClient(createModel([monitor('A')]), client(1));
  assert.equal(i3(tiledOnly, 'focus floating').message, 'focus floating: no floating window on this workspace');
  const floatOnly = addClient(createModel([monitor('A')]), client(1), undefined, { floating: true });
  assert.match(i3(floatOnly, 'focus mode_toggle').message ?? '', /no tiled window/);
});

test('property: focus mode_toggle always lands on the other layer when it has a window', () => {
  fc.assert(fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), fc.nat(), (floats, pick) => {
    let m = createModel([monitor('A')]);
    floats.forEach((f, i) => { m = addClient(m, client(i + 1), undefined, { floating: f }); });
    m = focusClient(m, w(1 + (pick % floats.length)));
    const was = findClient(m, focusedClient(m)!)!.floating === true;
    const other = floats.some((f) => f !== was);
    const after = i3(m, 'focus mode_toggle');
    assert.equal(after.message === null, other, 'refused only when the other layer has no window');
    if (other) assert.equal(findClient(after, focusedClient(after)!)!.floating === true, !was);
  }));
});

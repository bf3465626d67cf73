// Room for windows' icons in tabs: reserved only for a window with an icon, with icons on,
// in a tab large enough; the square lies inside its tab.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addClient, createModel, updateClient } from '../../src/model/index.js';
import { contains, layout, tabIconRect, TAB_ICON_PAD } from '../../src/layout/index.js';
import { client, monitor, w } from '../model/support.js';

const theme = { barHeight: 20, tabBarHeight: 20, minTileSize: 40, tabIcons: true };

test('a window with an icon gets a square at the left of its tab; one without gets none', () => {
  let m = addClient(createModel([monitor('A')]), client(1));
  m = addClient(m, client(2));
  m = updateClient(m, w(2), { icon: 7 });
  const [one, two] = layout(m, theme).tiles[0]!.tabs;
  assert.equal(one!.icon, undefined);
  assert.deepEqual(two!.icon, { rect: { x: two!.rect.x + TAB_ICON_PAD, y: 20 + 2, width: 16, height: 16 }, serial: 7 });
  assert.equal(layout(m, { ...theme, tabIcons: false }).tiles[0]!.tabs[1]!.icon, undefined, 'tabs.icons: false');
});

test('tabIconRect: inside its tab, square, or none when the tab is too small', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 80 }), (width, height) => {
    const tab = { x: 10, y: 5, width, height };
    const r = tabIconRect(tab);
    if (r === null) return;
    assert.equal(r.width, r.height);
    assert.ok(contains(tab, r));
    assert.ok(r.width >= 4 && tab.width - (r.x - tab.x + r.width) >= 24, 'room for some of the title');
  }));
});

// Tab colours as a user sees them, read off the screen: the focused tile's shown tab,
// another tile's shown tab, a hidden tab and an urgent one, each in its configured
// colour (the defaults, as config/fion.yaml lists them under `colors:`).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openSession, pressKeys, type Session, openClient } from '../harness/session.js';
import { TinyClient } from '../harness/tinyclient.js';
import { waitFor } from '../harness/wait.js';
import type { Geometry } from '../harness/observer.js';
import { pixels as readPixels } from '../harness/pixels.js';

const FOCUSED = '#458588'; // tab_focused_background
const SHOWN = '#504945'; // tab_shown_background
const HIDDEN = '#32302F'; // tab_background
const URGENT = '#CC241D'; // tab_urgent_background

let s: Session;
const open: TinyClient[] = [];
before(async () => { s = await openSession(); });
after(async () => { for (const c of open) await c.close(); await s.close(); });

const client = (title: string): Promise<TinyClient> => openClient(s, open, title);

const pixels = (g: Geometry): Promise<string[][]> => readPixels(s.display, g);

/**
 * Each tab of a tab bar with the colour most of its cell is painted in (its background:
 * the title's glyphs are a few pixels among many). Tabs share the bar's width equally.
 */
async function tabColours(): Promise<{ title: string; shown: boolean; colour: string }[][]> {
  await s.obs.sync();
  const out: { title: string; shown: boolean; colour: string }[][] = [];
  for (const bar of await s.obs.tabBars()) {
    const names = bar.text.split(' | ');
    const rows = await pixels(bar.geometry);
    const width = bar.geometry.width / names.length;
    out.push(names.map((name, i) => {
      const count = new Map<string, number>();
      for (const row of rows) {
        for (let x = Math.ceil(i * width) + 1; x < Math.floor((i + 1) * width) - 1; x++) {
          const c = row?.[x];
          if (c !== undefined) count.set(c, (count.get(c) ?? 0) + 1);
        }
      }
      const colour = [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '?';
      const shown = /^\[.*\]$/.test(name);
      return { title: shown ? name.slice(1, -1) : name, shown, colour };
    }));
  }
  return out;
}

const colourOf = (bars: Awaited<ReturnType<typeof tabColours>>, title: string): string =>
  bars.flat().find((t) => t.title === title)?.colour ?? `no tab ${title}`;

test('focused, shown, hidden and urgent tabs are drawn in their colours', async () => {
  // Left tile: alpha, bravo, delta (delta shown); right tile: charlie, focused.
  await client('alpha');
  const bravo = await client('bravo');
  await client('delta');
  await pressKeys(s, 'super+shift+v');
  await client('charlie');
  let bars = await tabColours();
  assert.deepEqual(bars.map((b) => b.map((t) => `${t.shown ? '[' : ''}${t.title}${t.shown ? ']' : ''}`)),
    [['alpha', 'bravo', '[delta]'], ['[charlie]']], 'the tiles as set up');
  assert.equal(colourOf(bars, 'charlie'), FOCUSED, "the focused tile's shown tab");
  assert.equal(colourOf(bars, 'delta'), SHOWN, "the other tile's shown tab");
  assert.equal(colourOf(bars, 'alpha'), HIDDEN, 'a hidden tab');
  assert.equal(colourOf(bars, 'bravo'), HIDDEN, 'another hidden tab');

  // bravo asks for attention (WM_HINTS UrgencyHint).
  bravo.x.changeProperty(bravo.window, bravo.atoms.WM_HINTS, bravo.atoms.WM_HINTS, 32, [256, 0, 0, 0, 0, 0, 0, 0, 0]);
  await bravo.x.sync();
  await waitFor('bravo drawn urgent', async () => colourOf(await tabColours(), 'bravo') === URGENT);
  bars = await tabColours();
  assert.equal(colourOf(bars, 'alpha'), HIDDEN, 'the hidden tab beside it unchanged');
  assert.equal(colourOf(bars, 'delta'), SHOWN);
  assert.equal(colourOf(bars, 'charlie'), FOCUSED);

  // The focus to the left tile: the colours of the two shown tabs trade places.
  await pressKeys(s, 'super+shift+p');
  bars = await tabColours();
  assert.equal(colourOf(bars, 'delta'), FOCUSED, 'the newly focused tile\'s shown tab');
  assert.equal(colourOf(bars, 'charlie'), SHOWN, 'the tile that lost the focus');
  assert.equal(colourOf(bars, 'bravo'), URGENT, 'still urgent');
  assert.equal(colourOf(bars, 'alpha'), HIDDEN);
});

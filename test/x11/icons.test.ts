// Windows' icons in their tabs, read off the screen: a Tk window that sets _NET_WM_ICON
// (wm iconphoto) shows its icon's colour at the left of its tab, the title after it; a new
// icon replaces the old one; a window without an icon gets no room kept for one.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { openSession, openClient, type Session } from '../harness/session.js';
import { TinyClient } from '../harness/tinyclient.js';
import { waitFor } from '../harness/wait.js';
import { pixels } from '../harness/pixels.js';
import type { Geometry } from '../harness/observer.js';

const SHOWN = '#458588'; // tab_focused_background: the focused tile's shown tab
const HIDDEN = '#32302F'; // tab_background
const MAGENTA = '#FF00FF';
const GREEN = '#00FF00';

// A Tk window whose icon is a solid colour; wish runs what comes on its stdin, so `icon COLOUR`
// gives it a new one.
const TK = `
wm title . iconic
proc icon {colour} {
  set img [image create photo -width 32 -height 32]
  $img put $colour -to 0 0 32 32
  wm iconphoto . $img
}
icon #ff00ff
`;

let s: Session;
let wish: ChildProcess | null = null;
const open: TinyClient[] = [];
before(async () => { s = await openSession(); });
after(async () => {
  wish?.kill('SIGKILL');
  for (const c of open) await c.close();
  await s.close();
});

/** The tab bar's rows, and the bar, once it shows `n` tabs. */
async function tabBar(n: number): Promise<{ rows: string[][]; g: Geometry }> {
  const bar = await waitFor(`a tab bar of ${n} tabs`, async () => {
    await s.obs.sync();
    return (await s.obs.tabBars()).find((b) => b.text.split(' | ').length === n);
  });
  return { rows: await pixels(s.display, bar.geometry), g: bar.geometry };
}

/** Columns x0..x1 of the rows: the colours in them. */
const coloursIn = (rows: string[][], x0: number, x1: number): Set<string> =>
  new Set(rows.flatMap((r) => r.slice(x0, x1)));

/** The first column from x0 on (before x1) holding anything but `bg`. */
function firstInk(rows: string[][], x0: number, x1: number, bg: string): number {
  for (let x = x0; x < x1; x++) if (rows.some((r) => r[x] !== undefined && r[x] !== bg)) return x;
  return -1;
}

test("a Tk window's icon is drawn at the left of its tab, in its colour, and the title after it", async () => {
  await openClient(s, open, 'plain');
  wish = spawn('wish', ['-'], { stdio: ['pipe', 'ignore', 'ignore'], env: { ...process.env, DISPLAY: s.display } });
  wish.stdin!.write(TK);
  const { rows, g } = await waitFor('the icon in the tab bar', async () => {
    const bar = await tabBar(2);
    return coloursIn(bar.rows, 0, bar.g.width).has(MAGENTA) ? bar : null;
  });
  const half = Math.floor(g.width / 2);
  // The Tk window came second: the right tab, shown; the plain window's tab has no icon.
  assert.ok(!coloursIn(rows, 0, half).has(MAGENTA), 'no icon in the tab of a window without one');
  assert.ok(coloursIn(rows, half, half + 4 + g.height).has(MAGENTA), 'the icon at the left of its tab');
  const iconStart = firstInk(rows, half + 1, g.width, SHOWN);
  const iconEnd = rows.reduce((end, r) => Math.max(end, r.lastIndexOf(MAGENTA) + 1), 0);
  const size = iconEnd - iconStart;
  assert.ok(size >= g.height / 2 && size <= g.height, `an icon scaled to the tab's height (${size} px in a ${g.height} px bar)`);
  const text = firstInk(rows, iconEnd, g.width, SHOWN);
  assert.ok(text >= iconEnd + 2, 'the title starts after the icon');
  // No room kept for an icon the plain window lacks: its title begins near the tab's left edge.
  const plain = firstInk(rows, 1, half, HIDDEN);
  assert.ok(plain >= 0 && plain < 4 + 4, `the plain window's title at the tab's left (at ${plain})`);
});

test('a new icon replaces the old one in the tab', async () => {
  wish!.stdin!.write('icon #00ff00\n');
  const { rows } = await waitFor('the new icon', async () => {
    const bar = await tabBar(2);
    const seen = coloursIn(bar.rows, 0, bar.g.width);
    return seen.has(GREEN) && !seen.has(MAGENTA) ? bar : null;
  });
  assert.ok(rows.some((r) => r.includes(GREEN)));
});

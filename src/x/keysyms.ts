// X keysym names <-> codes, built from the x11 package's table (a translation of
// X.Org's keysymdef.h, kept in keysymdef.ts) plus the common XF86 multimedia keysyms, which that table
// lacks (values from X.Org's XF86keysym.h).
//
// Names are X's own, without the XK_ prefix, and case-sensitive ("Return", "q",
// "Q", "F1"). Where several names share a code, keysymName returns the first one
// keysymdef.h lists (the others are deprecated there): 0xff55 is "Prior", not
// "Page_Up". Like XStringToKeysym, "U" plus hex digits names a Unicode character.

// The names and codes alone, generated from the x11 package's table (scripts/keysymdef.ts):
// importing the package's 214 KB module with its descriptions cost ~60 ms at every start.
import { KEYSYMDEF } from './keysymdef.js';

/** XF86keysym.h: the keys laptops and multimedia keyboards send. */
const XF86_KEYSYMS: readonly (readonly [string, number])[] = [
  ['XF86MonBrightnessUp', 0x1008ff02],
  ['XF86MonBrightnessDown', 0x1008ff03],
  ['XF86KbdLightOnOff', 0x1008ff04],
  ['XF86KbdBrightnessUp', 0x1008ff05],
  ['XF86KbdBrightnessDown', 0x1008ff06],
  ['XF86AudioLowerVolume', 0x1008ff11],
  ['XF86AudioMute', 0x1008ff12],
  ['XF86AudioRaiseVolume', 0x1008ff13],
  ['XF86AudioPlay', 0x1008ff14],
  ['XF86AudioStop', 0x1008ff15],
  ['XF86AudioPrev', 0x1008ff16],
  ['XF86AudioNext', 0x1008ff17],
  ['XF86HomePage', 0x1008ff18],
  ['XF86Mail', 0x1008ff19],
  ['XF86Search', 0x1008ff1b],
  ['XF86AudioRecord', 0x1008ff1c],
  ['XF86Calculator', 0x1008ff1d],
  ['XF86PowerDown', 0x1008ff21],
  ['XF86Back', 0x1008ff26],
  ['XF86Forward', 0x1008ff27],
  ['XF86Refresh', 0x1008ff29],
  ['XF86PowerOff', 0x1008ff2a],
  ['XF86WakeUp', 0x1008ff2b],
  ['XF86Eject', 0x1008ff2c],
  ['XF86ScreenSaver', 0x1008ff2d],
  ['XF86WWW', 0x1008ff2e],
  ['XF86Sleep', 0x1008ff2f],
  ['XF86Favorites', 0x1008ff30],
  ['XF86AudioPause', 0x1008ff31],
  ['XF86AudioMedia', 0x1008ff32],
  ['XF86MyComputer', 0x1008ff33],
  ['XF86Launch0', 0x1008ff40],
  ['XF86Launch1', 0x1008ff41],
  ['XF86Launch2', 0x1008ff42],
  ['XF86Launch3', 0x1008ff43],
  ['XF86Launch4', 0x1008ff44],
  ['XF86Launch5', 0x1008ff45],
  ['XF86Launch6', 0x1008ff46],
  ['XF86Launch7', 0x1008ff47],
  ['XF86Launch8', 0x1008ff48],
  ['XF86Launch9', 0x1008ff49],
  ['XF86LaunchA', 0x1008ff4a],
  ['XF86Close', 0x1008ff56],
  ['XF86Copy', 0x1008ff57],
  ['XF86Cut', 0x1008ff58],
  ['XF86Display', 0x1008ff59],
  ['XF86Documents', 0x1008ff5b],
  ['XF86Explorer', 0x1008ff5d],
  ['XF86LogOff', 0x1008ff61],
  ['XF86Paste', 0x1008ff6d],
  ['XF86RotateWindows', 0x1008ff74],
  ['XF86TaskPane', 0x1008ff7f],
  ['XF86Terminal', 0x1008ff80],
  ['XF86Tools', 0x1008ff81],
  ['XF86Video', 0x1008ff87],
  ['XF86Pictures', 0x1008ff91],
  ['XF86Music', 0x1008ff92],
  ['XF86Battery', 0x1008ff93],
  ['XF86Bluetooth', 0x1008ff94],
  ['XF86WLAN', 0x1008ff95],
  ['XF86Suspend', 0x1008ffa7],
  ['XF86Hibernate', 0x1008ffa8],
  ['XF86TouchpadToggle', 0x1008ffa9],
  ['XF86AudioMicMute', 0x1008ffb2],
];

const byName = new Map<string, number>();
const byCode = new Map<number, string>();

function add(name: string, code: number): void {
  if (!byName.has(name)) byName.set(name, code);
  if (!byCode.has(code)) byCode.set(code, name);
}

{
  const words = KEYSYMDEF.trim().split(/\s+/);
  for (let i = 0; i + 1 < words.length; i += 2) add(words[i]!, Number.parseInt(words[i + 1]!, 16));
}
for (const [name, code] of XF86_KEYSYMS) add(name, code);

/** Codes of Unicode keysyms: 0x01000000 + code point (Latin-1 keeps its own codes). */
const UNICODE_OFFSET = 0x01000000;

/** The keysym code for an X keysym name ("Return", "q", "XF86AudioMute", "U20AC"). */
export function keysymByName(name: string): number | undefined {
  const code = byName.get(name);
  if (code !== undefined) return code;
  const m = /^U([0-9A-Fa-f]{4,6})$/.exec(name);
  if (m?.[1] === undefined) return undefined;
  const cp = Number.parseInt(m[1], 16);
  if (cp < 0x20 || (cp > 0x7e && cp < 0xa0) || cp > 0x10ffff) return undefined;
  return cp <= 0xff ? cp : UNICODE_OFFSET + cp;
}

/** The preferred X name of a keysym code; "U20AC" style for unnamed Unicode keysyms. */
export function keysymName(code: number): string | undefined {
  const name = byCode.get(code);
  if (name !== undefined) return name;
  if (Number.isInteger(code) && code >= UNICODE_OFFSET + 0x100 && code <= UNICODE_OFFSET + 0x10ffff) {
    return 'U' + (code - UNICODE_OFFSET).toString(16).toUpperCase().padStart(4, '0');
  }
  return undefined;
}

/** Every keysym name known by keysymByName's table (not the algorithmic "U..." names). */
export function keysymNames(): IterableIterator<string> {
  return byName.keys();
}

// Word lists and arguments more than one verb reads.
import { fail, type Grammar } from '../grammar.js';

export const CYCLE = ['next', 'prev'] as const;
export const DIRECTIONS = ['left', 'right', 'up', 'down'] as const;

/** An X window id, `0x400001` or `4194305`; printed in hex, as xprop and wmctrl show it. */
export const windowNumber: Grammar<number> = {
  read([word, ...rest], at) {
    if (word === undefined) return fail(`${at.prefix}: expected a window id`);
    const n = /^0x[0-9a-f]{1,8}$/i.test(word) ? parseInt(word, 16) : /^[1-9][0-9]{0,9}$/.test(word) ? Number(word) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 0xffffffff) return fail(`${at.prefix}: expected a window id such as 0x400001, got "${word}"`);
    return { ok: true, value: n, rest };
  },
  write: (value) => [`0x${value.toString(16)}`],
};

/** A window id that may be left out (the focused window then). */
export const optionalWindowNumber: Grammar<number | null> = {
  read: (words, at) => (words.length === 0 ? { ok: true, value: null, rest: [] } : windowNumber.read(words, at)),
  write: (value) => (value === null ? [] : windowNumber.write(value)),
};

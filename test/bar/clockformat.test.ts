// The clock's formats that skip luxon: for every numeric format, in every language listed as
// having 0-9 digits, the text is luxon's own; anything else is left to luxon.
import { before, test } from 'node:test';
import { loadLuxon } from '../../src/bar/luxon.js';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { formatPlain, LATIN_DIGIT_LANGUAGES, localeLanguage, parsePlain } from '../../src/bar/clockformat.js';
import { formatClock } from '../../src/bar/content.js';

// Formats with names or time zones are luxon's: loaded as Fion loads it before its first frame.
before(() => loadLuxon());

const NUMERIC = ['S', 'SSS', 's', 'ss', 'm', 'mm', 'H', 'HH', 'h', 'hh', 'd', 'dd', 'M', 'MM', 'L', 'LL', 'y', 'yy', 'yyyy'];
const LITERALS = ['-', ':', ' ', '/', '.', ', ', "'at'", "''", "'T'", '  ', '|', '[', ']', "'o''clock'"];
const arbDate = fc.date({ min: new Date(1000, 0, 1), max: new Date(9999, 11, 31), noInvalidDate: true });
/** Tokens separated by literals (two tokens side by side would merge into another token). */
const arbFormat = fc.array(fc.tuple(fc.constantFrom(...NUMERIC), fc.constantFrom(...LITERALS)), { minLength: 1, maxLength: 6 })
  .map((ps) => ps.map(([t, l]) => t + l).join(''));

test('a numeric format in local time is luxon\'s text in every listed language', () => {
  const langs = [...LATIN_DIGIT_LANGUAGES];
  fc.assert(fc.property(arbDate, arbFormat, fc.constantFrom(...langs), (d, f, lang) => {
    assert.equal(formatPlain(d, f, undefined, { LANG: `${lang}_XX.UTF-8` }), DateTime.fromJSDate(d).setLocale(lang).toFormat(f));
  }), { numRuns: 500 });
});

test('the default format and the C locale: the same text as luxon in English', () => {
  const d = new Date(2026, 11, 5, 4, 3, 9, 7);
  assert.equal(formatPlain(d, 'yyyy-MM-dd HH:mm:ss', undefined, {}), '2026-12-05 04:03:09');
  assert.equal(formatPlain(d, "h:mm 'and' S", undefined, { LANG: 'C.UTF-8' }), DateTime.fromJSDate(d).setLocale('en-US').toFormat("h:mm 'and' S"));
  assert.equal(formatClock(d, 'yyyy-MM-dd HH:mm:ss'), '2026-12-05 04:03:09');
});

test('every listed language has 0-9 digits by default', () => {
  for (const lang of LATIN_DIGIT_LANGUAGES) {
    assert.equal(new Intl.NumberFormat(lang).resolvedOptions().numberingSystem, 'latn', lang);
  }
});

test('names, meridiems, offsets, zones, macros and other digits are left to luxon', () => {
  const d = new Date(2026, 0, 2, 3, 4, 5);
  for (const f of ['ccc HH:mm', 'HH:mm a', 'HH:mm ZZ', 'T', 'D', 'EEE', 'MMM d', 'yyyyy', 'HHH', 'x', 'HH:mm z']) {
    assert.equal(parsePlain(f), null, f);
    assert.equal(formatPlain(d, f, undefined, {}), null, f);
  }
  assert.equal(formatPlain(d, 'HH:mm', 'UTC', {}), null);
  assert.equal(formatPlain(d, 'HH:mm', undefined, { LANG: 'ar_EG.UTF-8' }), null);
  assert.equal(formatPlain(d, 'HH:mm', undefined, { LC_ALL: 'fa_IR', LANG: 'en_US' }), null);
  assert.equal(localeLanguage({ LC_MESSAGES: 'de_DE@euro', LANG: 'ar_EG' }), 'de');
  assert.equal(localeLanguage({ LANG: 'POSIX' }), '');
});

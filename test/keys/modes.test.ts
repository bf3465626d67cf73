// The mode state machine (src/keys/modes.ts) and key press -> spec (src/keys/keypress.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { loadDefaults } from '../../src/config/load.js';
import {
  buildModeTables, enterMode, grabFailed, leaveMode, modeEnterBindings, modeText, normalizeKeySequence, parseKeySequence, pressKey,
  NORMAL, type KeyPress, type KeyResult, type ModeState, type ModeTables,
} from '../../src/keys/modes.js';
import { isModifierKeysym, keySpecOf, modifiersOf } from '../../src/keys/keypress.js';
import type { KeyboardMap } from '../../src/x/keyboard.js';
import { keysymByName } from '../../src/x/keysyms.js';

const key = (spec: string, alternatives?: string[]): KeyPress => ({ spec, isModifier: false, ...(alternatives ? { alternatives } : {}) });
const modifierKey = (spec: string): KeyPress => ({ spec, isModifier: true });

function tablesOf(modes: { name: string; sticky?: boolean; keys: Record<string, string> }[]): ModeTables {
  const { tables, problems } = buildModeTables(modes.map((m) => ({
    name: m.name, sticky: m.sticky ?? false, keys: Object.entries(m.keys).map(([keys, command]) => ({ keys, command })),
  })));
  assert.deepEqual(problems, []);
  return tables;
}

const defaults = (): ModeTables => {
  const { tables, problems } = buildModeTables(loadDefaults().config.modes);
  assert.deepEqual(problems, []);
  return tables;
};

const inMode = (mode: string, pending: string[] = []): ModeState => ({ kind: 'mode', mode, pending });

/** Enter `mode` from normal, then press `keys` in turn; the results of every step. */
function run(tables: ModeTables, mode: string, keys: KeyPress[]): KeyResult[] {
  const out: KeyResult[] = [enterMode(tables, NORMAL, mode)];
  for (const k of keys) out.push(pressKey(tables, out[out.length - 1]!.state, k));
  return out;
}

test('entering a mode from normal mode acquires the grab', () => {
  const t = defaults();
  for (const name of ['workspace', 'tile', 'tab', 'run']) {
    assert.deepEqual(enterMode(t, NORMAL, name), { state: inMode(name), grab: 'acquire' });
  }
});

test('mode default leaves a mode, releasing the grab, as in i3; in normal mode it does nothing', () => {
  const t = defaults();
  assert.deepEqual(enterMode(t, inMode('tile'), 'default'), { state: NORMAL, grab: 'release' });
  assert.deepEqual(enterMode(t, NORMAL, 'default'), { state: NORMAL });
});

test('each verb of each default mode runs its command and returns to normal, releasing the grab', () => {
  const t = defaults();
  const cases: [string, string, string][] = [
    ['workspace', 'n', 'workspace next'], ['workspace', 'p', 'workspace prev'],
    ['workspace', 'c', 'workspace create'], ['workspace', 'd', 'workspace destroy'], ['workspace', '3', 'workspace goto 3'],
    ['tile', 'n', 'tile next'], ['tile', 'p', 'tile prev'], ['tile', 'c', 'tile split auto'], ['tile', 'd', 'tile kill'],
    ['tile', 'h', 'tile split horizontal'], ['tile', 'v', 'tile split vertical'], ['tile', 'Left', 'tile resize left'],
    ['tab', 'n', 'tab next'], ['tab', 'p', 'tab prev'], ['tab', 'c', 'tab new'], ['tab', 'd', 'tab close'],
    ['run', 't', 'terminal'],
  ];
  for (const [mode, k, command] of cases) {
    const r = pressKey(t, inMode(mode), key(k));
    assert.deepEqual(r, { state: NORMAL, command, key: k, grab: 'release' }, `${mode} ${k}`);
  }
});

test('Escape leaves without a command, with any modifiers, even half way through a sequence', () => {
  const t = tablesOf([{ name: 'w', keys: { n: 'workspace next', 'm n': 'workspace move next' } }]);
  for (const spec of ['Escape', 'super+Escape', 'shift+Escape']) {
    assert.deepEqual(pressKey(t, inMode('w'), key(spec)), { state: NORMAL, grab: 'release' });
  }
  assert.deepEqual(pressKey(t, inMode('w', ['m']), key('Escape')), { state: NORMAL, grab: 'release' });
  assert.deepEqual(leaveMode(NORMAL), { state: NORMAL });
});

test('a binding of Escape inside a mode is reported and ignored', () => {
  const { tables, problems } = buildModeTables([{ name: 'w', sticky: false, keys: [{ keys: 'Escape', command: 'nop' }] }]);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /Escape always leaves/);
  assert.deepEqual(pressKey(tables, inMode('w'), key('Escape')), { state: NORMAL, grab: 'release' });
});

test('an unbound key leaves the mode and says so', () => {
  const t = defaults();
  assert.deepEqual(pressKey(t, inMode('tile'), key('x')), { state: NORMAL, grab: 'release', message: 'tile: no binding for x' });
  assert.deepEqual(pressKey(t, inMode('tab'), key('ctrl+n')), { state: NORMAL, grab: 'release', message: 'tab: no binding for ctrl+n' });
});

test('sticky modes stay until Escape; one-shot modes act once', () => {
  const t = tablesOf([
    { name: 'tile', sticky: true, keys: { n: 'tile next', Left: 'tile resize left' } },
    { name: 'once', keys: { n: 'tile next' } },
  ]);
  const sticky = run(t, 'tile', [key('n'), key('Left'), key('Left'), key('Escape')]);
  assert.deepEqual(sticky.map((r) => r.command), [undefined, 'tile next', 'tile resize left', 'tile resize left', undefined]);
  assert.deepEqual(sticky.map((r) => r.grab), ['acquire', undefined, undefined, undefined, 'release']);
  assert.deepEqual(sticky.map((r) => r.state.kind), ['mode', 'mode', 'mode', 'mode', 'normal']);
  // An unbound key leaves a sticky mode too.
  assert.deepEqual(pressKey(t, inMode('tile'), key('q')), { state: NORMAL, grab: 'release', message: 'tile: no binding for q' });

  const once = run(t, 'once', [key('n'), key('n')]);
  assert.equal(once[1]!.command, 'tile next');
  assert.equal(once[1]!.state.kind, 'normal');
  assert.deepEqual(once[2], { state: NORMAL }); // the next key is normal mode's business
});

test('super still held: exact match first, then without super', () => {
  const t = tablesOf([{ name: 'w', keys: { n: 'workspace next', 'super+p': 'workspace prev', p: 'nop' } }]);
  assert.equal(pressKey(t, inMode('w'), key('super+n')).command, 'workspace next');
  assert.equal(pressKey(t, inMode('w'), key('super+p')).command, 'workspace prev'); // exact wins
  assert.equal(pressKey(t, inMode('w'), key('p')).command, 'nop');
  assert.equal(pressKey(t, inMode('w'), key('super+shift+n')).message, 'w: no binding for super+shift+n');
  // Only super is forgiven, not other modifiers.
  assert.equal(pressKey(t, inMode('w'), key('ctrl+n')).message, 'w: no binding for ctrl+n');
});

test('modifier-only presses change nothing, in a mode or half way through a sequence', () => {
  const t = tablesOf([{ name: 'w', keys: { n: 'workspace next', 'm n': 'workspace move next' } }]);
  for (const s of [inMode('w'), inMode('w', ['m'])]) {
    for (const m of ['Super_L', 'super+Shift_L', 'Control_R', 'ISO_Level3_Shift', 'Caps_Lock']) {
      assert.deepEqual(pressKey(t, s, modifierKey(m)), { state: s });
    }
  }
  const r = run(t, 'w', [modifierKey('Super_L'), key('super+n')]);
  assert.equal(r[2]!.command, 'workspace next');
});

test('two-key sequences: m then n / p', () => {
  const t = tablesOf([{ name: 'workspace', keys: { n: 'workspace next', 'm n': 'workspace move next', 'm p': 'workspace move prev' } }]);
  const r = run(t, 'workspace', [key('m'), key('n')]);
  assert.deepEqual(r[1], { state: inMode('workspace', ['m']) });
  assert.deepEqual(r[2], { state: NORMAL, command: 'workspace move next', key: 'n', grab: 'release' });
  // super held through the sequence
  const s = run(t, 'workspace', [key('super+m'), key('super+p')]);
  assert.deepEqual(s[1], { state: inMode('workspace', ['m']) });
  assert.equal(s[2]!.command, 'workspace move prev');
  assert.equal(s[2]!.key, 'p'); // the bound key, as the mode spells it (super dropped)
  // a wrong second key
  assert.deepEqual(pressKey(t, inMode('workspace', ['m']), key('x')),
    { state: NORMAL, grab: 'release', message: 'workspace: no binding for m x' });
  // sticky: after a sequence, back to the mode's start
  const st = tablesOf([{ name: 'w', sticky: true, keys: { 'm n': 'workspace move next' } }]);
  assert.deepEqual(pressKey(st, inMode('w', ['m']), key('n')), { state: inMode('w'), command: 'workspace move next', key: 'n' });
});

test('alternatives: a shifted symbol matches either spelling', () => {
  const t = tablesOf([{ name: 'w', keys: { exclam: 'nop', 'shift+2': 'workspace next' } }]);
  assert.equal(pressKey(t, inMode('w'), key('exclam', ['shift+1'])).command, 'nop');
  assert.equal(pressKey(t, inMode('w'), key('at', ['shift+2'])).command, 'workspace next');
  assert.equal(pressKey(t, inMode('w'), key('at', ['shift+2'])).key, 'shift+2');
  assert.equal(pressKey(t, inMode('w'), key('super+at', ['super+shift+2'])).command, 'workspace next');
});

test('entering an unknown mode changes nothing and says so', () => {
  const t = defaults();
  assert.deepEqual(enterMode(t, NORMAL, 'nope'), { state: NORMAL, message: 'no mode named "nope"' });
  assert.deepEqual(enterMode(t, inMode('tile'), 'nope'), { state: inMode('tile'), message: 'no mode named "nope"' });
});

test('mode default (i3\'s name for normal mode) leaves the mode, releasing the grab', () => {
  const t = defaults();
  assert.deepEqual(enterMode(t, inMode('tile'), 'default'), { state: NORMAL, grab: 'release' });
  assert.deepEqual(enterMode(t, NORMAL, 'default'), { state: NORMAL });
});

test('switching modes from inside a mode keeps the grab', () => {
  const t = tablesOf([{ name: 'a', sticky: true, keys: { b: 'mode b' } }, { name: 'b', keys: { n: 'tile next' } }]);
  const r = pressKey(t, inMode('a'), key('b'));
  assert.deepEqual(r, { state: inMode('a'), command: 'mode b', key: 'b' });
  assert.deepEqual(enterMode(t, r.state, 'b'), { state: inMode('b') });
});

test('a failed grab goes back to normal without a release', () => {
  const t = defaults();
  const r = enterMode(t, NORMAL, 'tile');
  assert.deepEqual(grabFailed(r.state), { state: NORMAL, message: 'cannot enter mode tile: another program holds the keyboard' });
});

test('a mode that vanished (config reload) is left', () => {
  assert.deepEqual(pressKey(new Map(), inMode('gone'), key('n')), { state: NORMAL, grab: 'release', message: 'mode gone no longer exists' });
});

test('normal mode ignores pressKey', () => {
  assert.deepEqual(pressKey(defaults(), NORMAL, key('n')), { state: NORMAL });
});

test('key sequences parse and normalize', () => {
  assert.equal(normalizeKeySequence('m n'), 'm n');
  assert.equal(normalizeKeySequence('  M   Win+n '), 'shift+m super+n');
  assert.equal(normalizeKeySequence('super + shift + q'), 'super+shift+q');
  assert.equal(normalizeKeySequence('super + m  n'), 'super+m n');
  assert.equal(normalizeKeySequence('n'), 'n');
  assert.equal(normalizeKeySequence(','), 'comma');
  assert.equal(normalizeKeySequence('m nope'), null);
  assert.equal(normalizeKeySequence(''), null);
  const esc = parseKeySequence('m Escape');
  assert.ok(!esc.ok && /Escape/.test(esc.error));
  const bad = parseKeySequence('m frob');
  assert.ok(!bad.ok && /in key sequence "m frob": unknown keysym "frob"/.test(bad.error));
});

test('a key bound alone and as the start of a sequence is reported; the single key wins', () => {
  const { tables, problems } = buildModeTables([{ name: 'w', sticky: false, keys: [{ keys: 'm', command: 'nop' }, { keys: 'm n', command: 'tile next' }] }]);
  assert.deepEqual(problems, ['mode w: m n can never be typed: m is bound on its own']);
  assert.equal(pressKey(tables, inMode('w'), key('m')).command, 'nop');
});

test('the bar text: name plus a short hint', () => {
  const t = defaults();
  assert.equal(modeText(t, NORMAL), null);
  assert.equal(modeText(t, inMode('tile')), 'tile: n p c d h v ←→↑↓ m… u U Esc');
  assert.equal(modeText(t, inMode('workspace')), 'workspace: n p c d 1-9 r m… o Esc');
  assert.equal(modeText(t, inMode('run')), 'run: t Esc');
  const s = tablesOf([{ name: 'w', keys: { n: 'workspace next', 'm n': 'workspace move next', 'm p': 'workspace move prev' } }]);
  assert.equal(modeText(s, inMode('w')), 'w: n m… Esc');
  assert.equal(modeText(s, inMode('w', ['m'])), 'w m: n p Esc');
  const long = tablesOf([{ name: 'long', keys: Object.fromEntries('abcdefghijklmnopqrstuvwxyz'.split('').map((c) => [c, 'nop'])) }]);
  const text = modeText(long, inMode('long'), 30)!;
  assert.ok(text.length <= 32 && text.endsWith('… Esc'), text);
});

// ---- properties ----

const specArb = fc.constantFrom('n', 'p', 'c', 'd', 'm', 'x', 'super+n', 'super+m', 'shift+q', 'Left', '1', 'Escape', 'super+Escape');
const pressArb: fc.Arbitrary<KeyPress> = fc.oneof(
  specArb.map((s) => key(s)),
  fc.constantFrom('Super_L', 'Shift_L', 'Control_L').map(modifierKey),
);
const stepArb = fc.record({
  action: fc.oneof(
    { weight: 4, arbitrary: pressArb.map((k) => ({ kind: 'press' as const, k })) },
    { weight: 1, arbitrary: fc.constantFrom('w', 's', 'nope').map((name) => ({ kind: 'enter' as const, name })) },
  ),
  /** When this step asks for the grab, the caller fails to take it. */
  grabFails: fc.boolean(),
});
const propTables = tablesOf([
  { name: 'w', keys: { n: 'workspace next', p: 'workspace prev', 'm n': 'workspace move next', 'm p': 'workspace move prev' } },
  { name: 's', sticky: true, keys: { n: 'tile next', Left: 'tile resize left', 'm n': 'tile move next', 1: 'mode w' } },
]);

test('property: the grab is held exactly while in a mode, and Escape always returns to normal with a release', () => {
  fc.assert(fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
    let state: ModeState = NORMAL;
    let grabbed = false;
    for (const { action, grabFails } of steps) {
      let r = action.kind === 'press' ? pressKey(propTables, state, action.k) : enterMode(propTables, state, action.name);
      if (r.grab === 'acquire') { assert.ok(!grabbed, 'acquire while held'); grabbed = true; }
      if (r.grab === 'release') { assert.ok(grabbed, 'release while not held'); grabbed = false; }
      if (r.grab === 'acquire' && grabFails) {
        // The caller could not take the keyboard: back to normal with nothing held.
        r = grabFailed(r.state);
        assert.equal(r.grab, undefined);
        grabbed = false;
      }
      state = r.state;
      assert.equal(grabbed, state.kind === 'mode', 'in a mode exactly when the grab is held');
      if (state.kind === 'mode') {
        assert.ok(propTables.has(state.mode));
        if (!propTables.get(state.mode)!.sticky) assert.equal(r.command, undefined, 'a one-shot mode never stays after a command');
      }
      // From here, Escape returns to normal, releasing exactly when something is held.
      const esc = pressKey(propTables, state, key('Escape'));
      assert.equal(esc.state.kind, 'normal');
      assert.equal(esc.command, undefined);
      assert.equal(esc.grab, state.kind === 'mode' ? 'release' : undefined);
    }
  }), { numRuns: 500 });
});

test('property: normalizeKeySequence is idempotent', () => {
  const part = fc.constantFrom('n', 'M', 'super+n', 'Win+Shift+Left', ',', 'return', 'F1');
  fc.assert(fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '  ', '\t'), (parts, sep) => {
    const n = normalizeKeySequence(parts.join(sep));
    assert.notEqual(n, null);
    assert.equal(normalizeKeySequence(n!), n);
    assert.equal(n!.split(' ').length, parts.length);
  }));
});

// ---- keypress ----

const sym = (name: string): number => keysymByName(name)!;
/** A US-like keyboard: Super on Mod4, Alt on Mod1, Num Lock on Mod2. */
const KB: KeyboardMap = {
  keysyms: new Map<number, number[]>([
    [10, [sym('1'), sym('exclam'), sym('1'), sym('exclam')]],
    [24, [sym('q'), sym('Q'), sym('q'), sym('Q')]],
    [57, [sym('n'), sym('N')]],
    [38, [sym('a')]], // one column: a letter's second column is its upper case
    [36, [sym('Return'), 0, sym('Return')]],
    [113, [sym('Left'), 0]],
    [9, [sym('Escape'), 0]],
    [133, [sym('Super_L'), 0]],
    [50, [sym('Shift_L'), 0]],
    [66, [sym('Caps_Lock'), 0]],
    [77, [sym('Num_Lock'), 0]],
    [92, [sym('ISO_Level3_Shift'), 0]],
    [87, [sym('KP_End'), sym('KP_1')]],
    [47, [sym('odiaeresis'), sym('Odiaeresis')]],
  ]),
  superMask: 1 << 6,
  altMask: 1 << 3,
  numLockMask: 1 << 4,
  modeSwitchMask: 0,
};
const Shift = 1, Lock = 2, Ctrl = 4, Alt = 1 << 3, NumLock = 1 << 4, Super = 1 << 6;

test('keySpecOf: plain keys and modifiers', () => {
  assert.deepEqual(keySpecOf(KB, 57, 0), { spec: 'n', isModifier: false });
  assert.deepEqual(keySpecOf(KB, 57, Super), { spec: 'super+n', isModifier: false });
  assert.deepEqual(keySpecOf(KB, 57, Super | Ctrl | Alt), { spec: 'super+ctrl+alt+n', isModifier: false });
  assert.deepEqual(keySpecOf(KB, 113, Super), { spec: 'super+Left', isModifier: false });
  assert.deepEqual(keySpecOf(KB, 9, 0), { spec: 'Escape', isModifier: false });
  assert.deepEqual(keySpecOf(KB, 10, 0), { spec: '1', isModifier: false });
});

test('keySpecOf: Caps Lock and Num Lock are ignored', () => {
  assert.deepEqual(keySpecOf(KB, 57, Lock), { spec: 'n', isModifier: false });
  assert.deepEqual(keySpecOf(KB, 57, NumLock | Lock | Super), { spec: 'super+n', isModifier: false });
  assert.deepEqual(keySpecOf(KB, 87, NumLock), { spec: 'KP_End', isModifier: false });
});

test('keySpecOf: Shift spelled the way parseKeySpec spells it', () => {
  assert.deepEqual(keySpecOf(KB, 24, Shift), { spec: 'shift+q', isModifier: false });
  assert.deepEqual(keySpecOf(KB, 24, Shift | Super), { spec: 'super+shift+q', isModifier: false });
  assert.deepEqual(keySpecOf(KB, 38, Shift), { spec: 'shift+a', isModifier: false });
  assert.deepEqual(keySpecOf(KB, 10, Shift), { spec: 'exclam', alternatives: ['shift+1'], isModifier: false });
  assert.deepEqual(keySpecOf(KB, 10, Shift | Super), { spec: 'super+exclam', alternatives: ['super+shift+1'], isModifier: false });
  assert.deepEqual(keySpecOf(KB, 36, Shift), { spec: 'shift+Return', isModifier: false });
  assert.deepEqual(keySpecOf(KB, 47, Shift), { spec: 'Odiaeresis', alternatives: ['shift+odiaeresis'], isModifier: false });
});

test('keySpecOf: a key of a two-layout map also matches by its second layout\'s keysym', () => {
  // ru,us: the key that types Cyrillic_ya in the first layout types z in the second.
  const kb: KeyboardMap = { ...KB, keysyms: new Map([[52, [sym('Cyrillic_ya'), sym('Cyrillic_YA'), sym('z'), sym('Z')]]]) };
  assert.deepEqual(keySpecOf(kb, 52, Super), { spec: 'super+Cyrillic_ya', alternatives: ['super+z'], isModifier: false });
  assert.deepEqual(keySpecOf(KB, 24, Super), { spec: 'super+q', isModifier: false }, 'the same keysym in both: no alternative');
});

test('keySpecOf: modifier keys are flagged', () => {
  for (const kc of [133, 50, 66, 77, 92]) assert.equal(keySpecOf(KB, kc, 0).isModifier, true, String(kc));
  assert.equal(keySpecOf(KB, 50, Super).isModifier, true);
  assert.equal(isModifierKeysym(sym('Hyper_R')), true);
  assert.equal(isModifierKeysym(sym('Mode_switch')), true);
  assert.equal(isModifierKeysym(sym('a')), false);
});

test('keySpecOf: unmapped keycodes match nothing', () => {
  const r = keySpecOf(KB, 200, 0);
  assert.equal(r.isModifier, false);
  assert.equal(r.spec, 'keycode200');
});

test('modifiersOf leaves out the lock bits, even where the server put Num Lock', () => {
  assert.deepEqual(modifiersOf(KB, 0xff), ['super', 'ctrl', 'alt', 'shift', 'mod3', 'mod5']);
  assert.deepEqual(modifiersOf({ ...KB, numLockMask: 1 << 5 }, 1 << 5), []);
});

test('every key press spec of the fixture keyboard is canonical or unbindable, and the shipped modes see them', () => {
  const t = defaults();
  const press = keySpecOf(KB, 57, Super);
  assert.equal(pressKey(t, inMode('workspace'), press).command, 'workspace next');
  assert.equal(pressKey(t, inMode('tile'), keySpecOf(KB, 113, 0)).command, 'tile resize left');
  assert.deepEqual(pressKey(t, inMode('tile'), keySpecOf(KB, 133, Super)), { state: inMode('tile') });
});

test('modes enter keys become normal-mode bindings', () => {
  assert.deepEqual(modeEnterBindings([{ name: 'tile', enter: 'super+t' }, { name: 'x', enter: null }, { name: 'a;b', enter: 'super+a' }]),
    [{ keys: 'super+t', command: 'mode tile' }, { keys: 'super+a', command: "mode 'a;b'" }]);
  assert.deepEqual(modeEnterBindings(loadDefaults().config.modes).map((b) => b.keys), ['super+w', 'super+t', 'super+Tab', 'super+g', 'super+r']);
});

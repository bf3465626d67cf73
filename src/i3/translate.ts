// Pure: an i3 config's statements (src/i3/config.ts) -> Fion config entries (items.ts).
// Commands in bindings and rules go through the one i3 command mapping the i3 socket
// uses (src/ipc/i3commands.ts). A statement Fion cannot honour becomes a commented item
// with the reason; nothing is dropped without a word.
import { splitI3Commands, translateI3, type I3CommandContext } from '../ipc/i3commands.js';
import { parseCriteria } from '../commands/index.js';
import { quoteWord } from '../text/words.js';
import { configWords, type I3Config, type I3Statement } from './config.js';
import { str, type Item } from './items.js';
import { barItems, clientColours, fontItem, settingStatement } from './settings.js';

/** Fion's modifier names for i3's (Mod2 is Num Lock, which Fion grabs around anyway). */
const MODIFIERS: Readonly<Record<string, string | null>> = {
  mod1: 'alt', alt: 'alt', mod4: 'super', super: 'super', shift: 'shift', control: 'ctrl', ctrl: 'ctrl', mod3: 'mod3', mod5: 'mod5', mod2: null,
};

/** Keycodes of a PC keyboard under X (evdev) to their US layout's keysyms, for bindcode. */
const KEYCODES: Readonly<Record<number, string>> = (() => {
  const out: Record<number, string> = { 9: 'Escape', 20: 'minus', 21: 'equal', 22: 'BackSpace', 23: 'Tab', 34: 'bracketleft', 35: 'bracketright', 36: 'Return',
    47: 'semicolon', 48: 'apostrophe', 49: 'grave', 51: 'backslash', 59: 'comma', 60: 'period', 61: 'slash', 65: 'space', 95: 'F11', 96: 'F12',
    107: 'Print', 110: 'Home', 111: 'Up', 112: 'Prior', 113: 'Left', 114: 'Right', 115: 'End', 116: 'Down', 117: 'Next', 118: 'Insert', 119: 'Delete' };
  '1234567890'.split('').forEach((k, i) => { out[10 + i] = k; });
  'qwertyuiop'.split('').forEach((k, i) => { out[24 + i] = k; });
  'asdfghjkl'.split('').forEach((k, i) => { out[38 + i] = k; });
  'zxcvbnm'.split('').forEach((k, i) => { out[52 + i] = k; });
  for (let i = 0; i < 10; i++) out[67 + i] = `F${i + 1}`;
  return out;
})();

/** i3's `Mod1+Shift+q` as Fion's `alt+shift+q`, or why not. */
export function keySpec(key: string, byCode: boolean): { ok: true; spec: string; note?: string } | { ok: false; error: string } {
  const parts = key.split('+').filter((p) => p !== '');
  const last = parts.pop();
  if (last === undefined) return { ok: false, error: 'no key' };
  const mods: string[] = [];
  for (const p of parts) {
    const m = MODIFIERS[p.toLowerCase()];
    if (m === undefined) return { ok: false, error: `the modifier ${p} (Fion knows super, alt, ctrl, shift, mod3, mod5)` };
    if (m !== null) mods.push(m);
  }
  if (/^button\d+$/i.test(last)) return { ok: false, error: 'mouse button bindings: Fion\'s mouse: settings move and resize floats and drag tiles' };
  if (!byCode) return { ok: true, spec: [...mods, last].join('+') };
  const sym = KEYCODES[Number(last)];
  if (!/^\d+$/.test(last) || sym === undefined) return { ok: false, error: `keycode ${last}: Fion binds keysyms, and this keycode is not one of a PC keyboard's usual keys` };
  return { ok: true, spec: [...mods, sym].join('+'), note: `keycode ${last} is ${sym} on a US layout` };
}

export interface Translation {
  readonly items: Item[];
  /** i3 mode names and Fion's (one word each). */
  readonly modeNames: ReadonlyMap<string, string>;
}

/** A one-word Fion name for each i3 mode, unique. */
function nameModes(statements: readonly I3Statement[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>(['default', 'none']);
  for (const s of statements) {
    if (s.block?.kind !== 'mode' || names.has(s.block.name)) continue;
    const base = (s.block.name.toLowerCase().match(/[a-z0-9_-]+/)?.[0] ?? 'mode').slice(0, 24);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    names.set(s.block.name, name);
  }
  return names;
}

/** Translate a command list; every part must translate. */
function commands(ctx: I3CommandContext, text: string): { ok: true; fion: string } | { ok: false; error: string } {
  const parts = splitI3Commands(text);
  if (parts.length === 0) return { ok: false, error: 'no command' };
  const out: string[] = [];
  for (const p of parts) {
    const t = translateI3(ctx, p);
    if (!t.ok) return { ok: false, error: t.error };
    out.push(t.fion);
  }
  return { ok: true, fion: out.join('; ') };
}

/** `bindsym [--flags] KEY COMMAND` into `path` (bindings, or a mode's keys). */
function binding(ctx: I3CommandContext, s: I3Statement, path: readonly string[]): Item {
  const m = /^(bindsym|bindcode)((?:\s+--[a-z-]+)*)\s+(\S+)\s+(.*)$/s.exec(s.text);
  if (m === null) return { path, key: null, value: '', source: s, reason: 'expected KEY COMMAND' };
  const flags = m[2]!.trim().split(/\s+/).filter((f) => f !== '');
  const key = keySpec(m[3]!, m[1] === 'bindcode');
  if (!key.ok) return { path, key: null, value: '', source: s, reason: key.error };
  const notes: string[] = key.note === undefined ? [] : [key.note];
  for (const f of flags) {
    if (f === '--release') notes.push('--release: Fion runs it when the key is pressed');
    else if (f === '--to-code') notes.push('--to-code: Fion binds the keysym on the layout in use');
    else if (f === '--border' || f === '--whole-window' || f === '--exclude-titlebar') notes.push(`${f} only concerns mouse buttons`);
    else return { path, key: key.spec, value: '', source: s, reason: `the flag ${f}` };
  }
  const c = commands(ctx, m[4]!);
  if (!c.ok) return { path, key: key.spec, value: '', source: s, reason: c.error };
  return { path, key: key.spec, value: str(c.fion), source: s, ...(notes.length > 0 ? { note: notes.join('; ') } : {}) };
}

/** A rule's match from i3 criteria: class, instance and title, each a regular expression. */
function ruleMatch(criteria: string): { ok: true; fields: string[] } | { ok: false; error: string } {
  const parsed = parseCriteria(criteria);
  if (!parsed.ok) return parsed;
  const fields: string[] = [];
  for (const c of parsed.criteria) {
    if ((c.key === 'class' || c.key === 'instance' || c.key === 'title') && c.re !== 'focused') fields.push(`${c.key}: ${str(`/${c.re.source}/`)}`);
    else return { ok: false, error: `the criterion ${c.key}: Fion's rules match class, instance and title` };
  }
  return fields.length === 0 ? { ok: false, error: 'a rule needs class, instance or title' } : { ok: true, fields };
}

/** `for_window [criteria] COMMANDS`: float, or commands run once when the window appears.
 *  Commands Fion cannot run are named in the note; the others are kept. */
function forWindow(ctx: I3CommandContext, s: I3Statement): Item {
  const m = /^for_window\s+(\[(?:[^\]"]|"(?:[^"\\]|\\.)*")*\])\s*(.*)$/s.exec(s.text);
  if (m === null) return { path: ['rules'], key: null, value: '', source: s, reason: 'expected [criteria] COMMAND' };
  const match = ruleMatch(m[1]!);
  if (!match.ok) return { path: ['rules'], key: null, value: '', source: s, reason: match.error };
  const fields = [...match.fields];
  const run: string[] = [];
  const left: string[] = [];
  for (const part of splitI3Commands(m[2]!)) {
    if (/^floating\s+enable$/.test(part)) { fields.push('float: true'); continue; }
    const t = translateI3(ctx, part);
    if (t.ok && t.fion !== 'nop') run.push(t.fion);
    else if (!t.ok) left.push(`${part} (${t.error})`);
  }
  if (run.length > 0) fields.push(`run: ${str(run.join('; '))}`);
  if (fields.length === match.fields.length) return { path: ['rules'], key: null, value: '', source: s, reason: left.join('; ') || 'nothing to do' };
  return { path: ['rules'], key: null, value: `{${fields.join(', ')}}`, source: s, ...(left.length > 0 ? { note: `not carried over: ${left.join('; ')}` } : {}) };
}

/** `assign [criteria] [→] [workspace] [number] NAME` or `output NAME`. */
function assign(s: I3Statement): Item {
  const m = /^assign\s+(\[(?:[^\]"]|"(?:[^"\\]|\\.)*")*\])\s*(?:\u2192\s*)?(.*)$/s.exec(s.text);
  if (m === null) return { path: ['rules'], key: null, value: '', source: s, reason: 'expected [criteria] workspace NAME' };
  const match = ruleMatch(m[1]!);
  if (!match.ok) return { path: ['rules'], key: null, value: '', source: s, reason: match.error };
  const words = configWords(m[2]!);
  if (words[0] === 'output') {
    const out = words.slice(1).join(' ');
    if (out === '' || ['left', 'right', 'up', 'down', 'next', 'prev', 'primary'].includes(out)) return { path: ['rules'], key: null, value: '', source: s, reason: `output ${out}: rules name an output, e.g. HDMI-1` };
    return { path: ['rules'], key: null, value: `{${[...match.fields, `output: ${str(out)}`].join(', ')}}`, source: s };
  }
  const rest = words[0] === 'workspace' ? words.slice(1) : words;
  const name = (rest[0] === 'number' ? rest.slice(1) : rest).join(' ');
  if (name === '') return { path: ['rules'], key: null, value: '', source: s, reason: 'expected a workspace' };
  return { path: ['rules'], key: null, value: `{${[...match.fields, `workspace: ${str(name)}`].join(', ')}}`, source: s };
}

/** `exec` / `exec_always` at the top: started once when the session starts. */
function exec(s: I3Statement): Item {
  const always = s.text.startsWith('exec_always');
  const line = s.text.replace(/^exec(_always)?\s*/, '').replace(/^--no-startup-id\s*/, '').trim();
  const cmd = /^"(.*)"$/s.test(line) ? configWords(line).join(' ') : line;
  if (cmd === '') return { path: ['autostart'], key: null, value: '', source: s, reason: 'no command' };
  if (/^i3-config-wizard\b/.test(cmd)) return { path: ['autostart'], key: null, value: '', source: s, reason: 'not needed: i3\'s wizard writes an i3 config' };
  return { path: ['autostart'], key: null, value: str(`sh -c ${quoteWord(cmd)}`), source: s,
    ...(always ? { note: 'exec_always: Fion starts it once per session, not on restart' } : {}) };
}

/** Translate every statement of `config`. */
export function translateConfig(config: I3Config): Translation {
  const modeNames = nameModes(config.statements);
  const ctx: I3CommandContext = { modes: [...modeNames.keys()], modeNames };
  const items: Item[] = [];
  const firstBar = config.statements.find((x) => x.block?.kind === 'bar');
  const top = (s: I3Statement): void => {
    const word = configWords(s.text)[0] ?? '';
    if (s.block?.kind === 'mode') {
      const name = modeNames.get(s.block.name)!;
      const path = ['modes', name];
      // i3's modes last until a binding leaves them: sticky.
      items.push({ path, key: 'enter', value: 'null', source: null, note: `i3: ${s.raw}` }, { path, key: 'sticky', value: 'true', source: null });
      for (const b of s.block.body) {
        const w = configWords(b.text)[0];
        if (w !== 'bindsym' && w !== 'bindcode') { items.push({ path: [...path, 'keys'], key: null, value: '', source: b, reason: 'a mode holds bindings only' }); continue; }
        const item = binding(ctx, b, [...path, 'keys']);
        if (item.key === 'Escape' && item.reason === undefined) item.reason = 'not needed: Escape always leaves a Fion mode';
        items.push(item);
      }
      return;
    }
    if (s.block?.kind === 'bar') { items.push(...barItems(s, s !== firstBar)); return; }
    if (s.block !== undefined) { items.push({ path: [], key: null, value: '', source: s, reason: `the block ${s.block.kind}` }, ...s.block.body.map((b): Item => ({ path: [], key: null, value: '', source: b, reason: `inside ${s.block!.kind} { }` }))); return; }
    switch (word) {
      case 'bindsym':
      case 'bindcode':
        items.push(binding(ctx, s, ['bindings']));
        return;
      case 'for_window':
        items.push(forWindow(ctx, s));
        return;
      case 'assign':
        items.push(assign(s));
        return;
      case 'exec':
      case 'exec_always':
        items.push(exec(s));
        return;
      case 'font':
        items.push(fontItem(s, []));
        return;
      default:
        if (word.startsWith('client.')) { items.push(...clientColours(s)); return; }
        items.push(...settingStatement(s));
    }
  };
  for (const s of config.statements) top(s);
  return { items, modeNames };
}

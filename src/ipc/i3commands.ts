// Pure: i3's command language (RUN_COMMAND, i3-msg, and the commands of an imported i3
// config) translated into Fion's, text to text, without looking at the model: what a
// command does is decided when Fion runs it (`workspace 3` becomes `workspace open 3`,
// which goes to workspace "3" or creates it, as i3 does). What Fion cannot honour is an
// error naming why, never a silent success. docs/i3-compat.md lists every command and its
// mapping.
import { quoteWord } from '../text/words.js';
import { parseCriteria } from '../commands/index.js';

/** One Fion command (with `[criteria]` in front: run for each window they match). */
export type I3Translation = { readonly ok: true; readonly fion: string } | { readonly ok: false; readonly error: string };

export interface I3CommandContext {
  /** The binding modes the config declares (besides "default"). */
  readonly modes: readonly string[];
  /** Fion's names of i3's modes where they differ (Fion's are one word): an imported config. */
  readonly modeNames?: ReadonlyMap<string, string>;
}

/** Split a command list at `,` and `;` outside double quotes and criteria brackets. */
export function splitI3Commands(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '\\' && i + 1 < text.length) { cur += ch + text[++i]!; continue; }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '[') bracket = true;
    else if (!quoted && ch === ']') bracket = false;
    if (!quoted && !bracket && (ch === ';' || ch === ',')) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** Words of one command: whitespace-separated, "double quotes" group (with \" inside). */
export function i3Words(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"?|(\S+)/g;
  for (const m of text.matchAll(re)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!);
  return out;
}

const ok = (fion: string): I3Translation => ({ ok: true, fion });
const no = (error: string): I3Translation => ({ ok: false, error });
const notYet = (what: string, why = 'Fion does not support it yet'): I3Translation => no(`${what}: ${why}`);

const DIRECTIONS = ['left', 'right', 'up', 'down'] as const;
const isDirection = (w: string | undefined): w is (typeof DIRECTIONS)[number] => DIRECTIONS.some((d) => d === w);

/** `workspace NAME` / `workspace number N`: go there, made if missing (decided when it runs). */
function workspaceTarget(args: readonly string[], what: string): { readonly ok: true; readonly words: string } | { readonly ok: false; readonly error: string } {
  if (args[0] === 'number') {
    const text = args.slice(1).join(' ');
    if (!/^[0-9]/.test(text)) return { ok: false, error: `${what} number: expected a number, got ${JSON.stringify(args[1] ?? '')}` };
    return { ok: true, words: `number ${quoteWord(text)}` };
  }
  const name = args.join(' ');
  return name === '' ? { ok: false, error: `${what}: expected a workspace name or number` } : { ok: true, words: quoteWord(name) };
}

function workspaceCommand(args: readonly string[]): I3Translation {
  const rest = args.filter((a) => a !== '--no-auto-back-and-forth');
  const stay = rest.length < args.length ? '--no-auto-back-and-forth ' : '';
  switch (rest[0]) {
    case 'next':
    case 'prev':
      return rest.length === 1 ? ok(`workspace ${rest[0]}`) : no(`workspace ${rest[0]}: unexpected "${rest[1]}"`);
    case 'next_on_output':
    case 'prev_on_output':
      return notYet(`workspace ${rest[0]}`, "Fion's workspaces are not tied to outputs; use workspace next|prev");
    case 'back_and_forth':
      return ok('workspace back_and_forth');
    default: {
      const t = workspaceTarget(rest, 'workspace');
      return t.ok ? ok(`workspace open ${stay}${t.words}`) : no(t.error);
    }
  }
}

/** `move [container|window] [to] workspace X`, `move left|right|up|down`. */
function moveCommand(args: readonly string[]): I3Translation {
  let rest = args.filter((a) => a !== '--no-auto-back-and-forth');
  if (rest[0] === 'container' || rest[0] === 'window') rest = rest.slice(1);
  if (rest[0] === 'to') rest = rest.slice(1);
  const what = rest[0];
  if (isDirection(what)) return ok(`tab move ${what}`);
  if (what === 'workspace') {
    const target = rest.slice(1);
    if (target[0] === 'to' || target[0] === 'output') return notYet('move workspace to output', "Fion's workspaces are not tied to outputs; use monitor workspace next|prev");
    if (target[0] === 'next' || target[0] === 'prev') return ok(`workspace move ${target[0]}`);
    if (target[0] === 'next_on_output' || target[0] === 'prev_on_output' || target[0] === 'back_and_forth') return notYet(`move to workspace ${target[0]}`);
    const t = workspaceTarget(target, 'move to workspace');
    return t.ok ? ok(`workspace send ${t.words}`) : no(t.error);
  }
  if (what === 'scratchpad') return ok('scratchpad move');
  if (what === 'mark') {
    const name = rest.slice(1).join(' ');
    return name === '' ? no('move to mark: expected a mark name') : ok(`move window to mark ${quoteWord(name)}`);
  }
  if (what === 'output') return notYet('move to output', 'use monitor move next|prev');
  if (what === 'position' || what === 'absolute') return notYet('move position', 'Fion places floats itself (drag them)');
  return no(`move: expected left, right, up, down or workspace, got ${JSON.stringify(what ?? '')}`);
}

/** `fullscreen|floating [enable|disable|toggle]`: whether it changes anything is decided
 *  when it runs, by the window's state then. */
function switchCommand(what: 'fullscreen' | 'floating', args: readonly string[]): I3Translation {
  if (what === 'fullscreen' && args.includes('global')) return notYet('fullscreen global', 'Fion covers one monitor');
  const how = args.find((a) => a !== 'global') ?? 'toggle';
  if (how !== 'enable' && how !== 'disable' && how !== 'toggle') return no(`${what}: expected enable, disable or toggle, got ${JSON.stringify(how)}`);
  return ok(`tab ${what === 'fullscreen' ? 'fullscreen' : 'float'}${how === 'toggle' ? '' : ` ${how}`}`);
}

/** Translate one i3 command (no `,` or `;` in it) into one Fion command. */
export function translateI3(ctx: I3CommandContext, command: string): I3Translation {
  const text = command.trim();
  if (text.startsWith('[')) return withCriteria(ctx, text);
  const words = i3Words(text);
  const [verb, ...args] = words;
  switch (verb?.toLowerCase()) {
    case undefined:
      return no('empty command');
    case 'nop':
      return ok('nop');
    case 'exec': {
      // i3 runs the rest of the command with /bin/sh -c; Fion's exec takes words, so the
      // shell is named.
      const line = text.slice(text.indexOf(verb!) + verb!.length).trim().replace(/^--no-startup-id\s*/, '');
      const cmd = line.startsWith('"') && line.endsWith('"') && line.length > 1 ? i3Words(line).join(' ') : line;
      return cmd === '' ? no('exec: expected a command') : ok(`exec /bin/sh -c ${quoteWord(cmd)}`);
    }
    case 'kill':
      return args.length === 0 || args[0] === 'window' || args[0] === 'client' ? ok('close') : no(`kill: expected window or client, got "${args[0]}"`);
    case 'exit':
    case 'reload':
    case 'restart':
      return ok(verb!.toLowerCase());
    case 'mode': {
      const name = args.join(' ');
      if (name === '') return no('mode: expected a mode name');
      if (name !== 'default' && !ctx.modes.includes(name)) return no(`mode: no mode named "${name}" (modes: default, ${ctx.modes.join(', ')})`);
      return ok(`mode ${quoteWord(ctx.modeNames?.get(name) ?? name)}`);
    }
    case 'workspace':
      return workspaceCommand(args);
    case 'move':
      return moveCommand(args);
    case 'focus': {
      const what = args[0];
      if (isDirection(what)) return ok(`focus ${what}`);
      if (what === 'urgent') return ok('focus urgent');
      if ((what === 'floating' || what === 'tiling' || what === 'mode_toggle') && args.length === 1) return ok(`focus ${what}`);
      return notYet(`focus ${what ?? ''}`.trim(), 'Fion focuses tiles by direction (focus left|right|up|down); parent, child, next, prev and output are not supported yet');
    }
    case 'fullscreen':
      return switchCommand('fullscreen', args);
    case 'floating':
      return switchCommand('floating', args);
    case 'split': {
      const how = args[0];
      if (how === 'h' || how === 'horizontal') return ok('tile split vertical');
      if (how === 'v' || how === 'vertical') return ok('tile split horizontal');
      if (how === 't' || how === 'toggle') return notYet('split toggle');
      return no(`split: expected h, v, horizontal or vertical, got ${JSON.stringify(how ?? '')}`);
    }
    case 'layout': {
      if (args[0] === 'tabbed') return ok('nop'); // every Fion tile shows its windows as tabs already
      return notYet(`layout ${args.join(' ')}`.trim(), 'every Fion tile holds its windows as tabs; split h|v makes a new tile beside it');
    }
    case 'rename': {
      // rename workspace [OLD] to NEW
      if (args[0] !== 'workspace') return no('rename: expected "workspace"');
      const to = args.indexOf('to');
      if (to < 0 || to === args.length - 1) return no('rename workspace: expected "to NEW"');
      const old = args.slice(1, to).join(' ');
      const name = args.slice(to + 1).join(' ');
      return ok(old === '' ? `workspace rename ${quoteWord(name)}` : `workspace rename_from ${quoteWord(old)} ${quoteWord(name)}`);
    }
    case 'mark': {
      const flags: string[] = args.filter((a) => a === '--add' || a === '--toggle' || a === '--replace');
      const name = args.filter((a) => !flags.includes(a)).join(' ');
      return name === '' ? no('mark: expected a mark name') : ok(['mark', ...new Set(flags.filter((f) => f !== '--replace')), quoteWord(name)].join(' '));
    }
    case 'unmark':
      return ok(args.length === 0 ? 'unmark' : `unmark ${quoteWord(args.join(' '))}`);
    case 'scratchpad':
      return args[0] === 'show' && args.length === 1 ? ok('scratchpad show') : no(`scratchpad: expected "show", got ${JSON.stringify(args.join(' '))}`);
    case 'sticky': {
      const how = args[0] ?? '';
      return args.length === 1 && ['enable', 'disable', 'toggle'].includes(how) ? ok(`sticky ${how}`) : no(`sticky: expected enable, disable or toggle, got ${JSON.stringify(args.join(' '))}`);
    }
    case 'resize':
      return resizeCommand(args);
    case 'border':
    case 'title_format':
    case 'title_window_icon':
    case 'gaps':
    case 'swap':
    case 'bar':
    case 'append_layout':
    case 'open':
    case 'urgent':
    case 'shmlog':
    case 'debuglog':
    case 'focus_follows_mouse':
      return notYet(verb!);
    default:
      return no(`unknown command "${verb}"`);
  }
}

/** `resize grow|shrink width|height [N [px|ppt]] [or M ppt]`: Fion resizes tiles by a share
 *  of their split, so `ppt` is taken when i3 offers both (`10 px or 10 ppt`), as i3 does for
 *  tiled windows; pixels alone become a share of the split's size on screen. */
function resizeCommand(args: readonly string[]): I3Translation {
  const [how, dim, ...rest] = args.map((a) => a.toLowerCase());
  if (how === 'set') return notYet('resize set', 'Fion resizes by steps: resize grow|shrink width|height N px|ppt');
  if (how !== 'grow' && how !== 'shrink') return no(`resize: expected grow, shrink or set, got ${JSON.stringify(how ?? '')}`);
  const dimension = dim === 'width' || dim === 'left' || dim === 'right' ? 'width' : dim === 'height' || dim === 'up' || dim === 'down' ? 'height' : null;
  if (dimension === null) return no(`resize ${how}: expected width or height, got ${JSON.stringify(dim ?? '')}`);
  const amounts: { n: number; unit: string }[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === 'or') continue;
    const n = Number(rest[i]);
    if (!Number.isInteger(n) || n < 1) return no(`resize: expected a whole number of px or ppt, got ${JSON.stringify(rest[i])}`);
    const unit = rest[i + 1] === 'ppt' || rest[i + 1] === 'px' ? rest[++i]! : 'px';
    amounts.push({ n, unit });
  }
  // i3's default: 10 px or 10 ppt.
  const pick = amounts.find((a) => a.unit === 'ppt') ?? amounts[0] ?? { n: 10, unit: 'ppt' };
  return ok(`tile ${how} ${dimension} ${pick.n} ${pick.unit}`);
}

/** `[criteria] COMMAND`: COMMAND run by Fion for each window matched when it runs, each
 *  in turn focused for it (see executeForEach), so `floating enable` looks at each match's
 *  own state. `focus` leaves the last match focused, as in i3; `kill` closes each. */
function withCriteria(ctx: I3CommandContext, text: string): I3Translation {
  const parsed = parseCriteria(text);
  if (!parsed.ok) return no(parsed.error);
  const criteria = text.trim().slice(0, text.trim().length - parsed.rest.length).trim();
  const words = i3Words(parsed.rest);
  const verb = words[0]?.toLowerCase();
  if (verb === undefined) return no('criteria: expected a command after them');
  if (verb === 'focus' && words.length === 1) return ok(`${criteria} focus window`);
  const t = translateI3(ctx, parsed.rest);
  return t.ok ? ok(`${criteria} ${t.fion}`) : t;
}

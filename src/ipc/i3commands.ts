// Pure: i3's command language (RUN_COMMAND, i3-msg) translated into Fion's, one command
// at a time against the model as it is then (`workspace 3` goes to workspace "3" if there
// is one and creates it if not, as i3 does). What Fion cannot honour is an error naming
// why, never a silent success. docs/i3-compat.md lists every command and its mapping.
import { quoteWord } from '../text/words.js';
import { findClient, focusedClient, focusedWorkspace, type Model } from '../model/index.js';
import { matchCriteria, parseCriteria } from '../commands/index.js';
import { focusClient } from '../model/index.js';
import { focusLayer, isFocusLayer } from './i3focus.js';

/** `fion` may hold several Fion commands joined by `; ` (a command for each window matched). */
export type I3Translation = { readonly ok: true; readonly fion: string } | { readonly ok: false; readonly error: string };

export interface I3CommandContext {
  readonly model: Model;
  /** The binding modes the config declares (besides "default"). */
  readonly modes: readonly string[];
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

/** The 1-based position of the workspace named `name`, or 0. */
function positionOf(model: Model, name: string): number {
  return model.workspaces.findIndex((w) => w.name === name) + 1;
}

/** `workspace NAME` / `workspace number N`: go there, creating it if it does not exist. */
function gotoWorkspace(model: Model, args: readonly string[]): I3Translation {
  if (args[0] === 'number') {
    const n = args[1] === undefined ? NaN : parseInt(args[1], 10);
    if (!Number.isInteger(n) || n < 1) return no(`workspace number: expected a number, got ${JSON.stringify(args[1] ?? '')}`);
    if (model.workspaces[n - 1] !== undefined) return ok(`workspace goto ${n}`);
    const name = args.slice(1).join(' ');
    const at = positionOf(model, name);
    return ok(at > 0 ? `workspace goto ${at}` : `workspace create ${quoteWord(name)}`);
  }
  const name = args.join(' ');
  if (name === '') return no('workspace: expected a workspace name or number');
  const at = positionOf(model, name);
  return ok(at > 0 ? `workspace goto ${at}` : `workspace create ${quoteWord(name)}`);
}

function workspaceCommand(model: Model, args: readonly string[]): I3Translation {
  const rest = args.filter((a) => a !== '--no-auto-back-and-forth');
  const stay = rest.length < args.length ? ' --no-auto-back-and-forth' : '';
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
      const t = gotoWorkspace(model, rest);
      return t.ok && t.fion.startsWith('workspace goto ') ? ok(t.fion + stay) : t;
    }
  }
}

/** `move [container|window] [to] workspace X`, `move left|right|up|down`. */
function moveCommand(model: Model, args: readonly string[]): I3Translation {
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
    if (target[0] === 'number') {
      const n = target[1] === undefined ? NaN : parseInt(target[1], 10);
      if (!Number.isInteger(n) || n < 1) return no(`move to workspace number: expected a number, got ${JSON.stringify(target[1] ?? '')}`);
      const ws = model.workspaces[n - 1];
      return ok(`workspace send ${quoteWord(ws?.name ?? target.slice(1).join(' '))}`);
    }
    const name = target.join(' ');
    return name === '' ? no('move to workspace: expected a workspace name') : ok(`workspace send ${quoteWord(name)}`);
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

/** Whether `mode` (enable, disable, toggle, or nothing: toggle) changes `now`. */
function wanted(mode: string | undefined, now: boolean, what: string): boolean | string {
  if (mode === undefined || mode === 'toggle') return true;
  if (mode === 'enable') return !now;
  if (mode === 'disable') return now;
  return `${what}: expected enable, disable or toggle, got ${JSON.stringify(mode)}`;
}

function toggleCommand(model: Model, what: 'fullscreen' | 'floating', args: readonly string[]): I3Translation {
  if (what === 'fullscreen' && args.includes('global')) return notYet('fullscreen global', 'Fion covers one monitor');
  const mode = args.find((a) => a !== 'global');
  const id = focusedClient(model);
  const now = id === null ? false
    : what === 'fullscreen' ? model.clients.get(id)?.fullscreen === true : findClient(model, id)?.floating === true;
  const change = wanted(mode, now, what);
  if (typeof change === 'string') return no(change);
  if (id === null) return no(`${what}: no window has the focus`);
  return ok(change ? (what === 'fullscreen' ? 'tab fullscreen' : 'tab float') : 'nop');
}

/** Translate one i3 command (no `,` or `;` in it) into one Fion command. */
export function translateI3(ctx: I3CommandContext, command: string): I3Translation {
  const text = command.trim();
  if (text.startsWith('[')) return withCriteria(ctx, text);
  const words = i3Words(text);
  const [verb, ...args] = words;
  const model = ctx.model;
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
      return ok(`mode ${quoteWord(name)}`);
    }
    case 'workspace':
      return workspaceCommand(model, args);
    case 'move':
      return moveCommand(model, args);
    case 'focus': {
      const what = args[0];
      if (isDirection(what)) return ok(`focus ${what}`);
      if (what === 'urgent') return ok('focus urgent');
      if (isFocusLayer(what) && args.length === 1) return focusLayer(model, what);
      return notYet(`focus ${what ?? ''}`.trim(), 'Fion focuses tiles by direction (focus left|right|up|down); parent, child, next, prev and output are not supported yet');
    }
    case 'fullscreen':
      return toggleCommand(model, 'fullscreen', args);
    case 'floating':
      return toggleCommand(model, 'floating', args);
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
      if (old !== '' && old !== focusedWorkspace(model).name) return notYet('rename workspace OLD to NEW', 'Fion renames the focused workspace only');
      return ok(`workspace rename ${quoteWord(name)}`);
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

/** `[criteria] COMMAND`: for each window matched, COMMAND translated as if that window had
 *  the focus, run by Fion for that window (`[id=0x...] COMMAND`, see executeForEach).
 *  `focus` and `kill` name the window instead. */
function withCriteria(ctx: I3CommandContext, text: string): I3Translation {
  const model = ctx.model;
  const parsed = parseCriteria(text);
  if (!parsed.ok) return no(parsed.error);
  const words = i3Words(parsed.rest);
  const verb = words[0]?.toLowerCase();
  if (verb === undefined) return no('criteria: expected a command after them');
  const matched = matchCriteria(model, parsed.criteria);
  if (matched.length === 0) return no(`no window matches ${text.slice(0, text.length - parsed.rest.length).trim()}`);
  const hex = (id: number): string => `0x${id.toString(16)}`;
  // i3 focuses each match in turn: the last one keeps the focus.
  if (verb === 'focus' && words.length === 1) return ok(`focus window ${hex(matched[matched.length - 1]!)}`);
  if (verb === 'kill' && (words.length === 1 || (words.length === 2 && (words[1] === 'window' || words[1] === 'client')))) {
    return ok(matched.map((id) => `close ${hex(id)}`).join('; '));
  }
  const out: string[] = [];
  for (const id of matched) {
    const t = translateI3({ ...ctx, model: focusClient(model, id) }, parsed.rest);
    if (!t.ok) return t;
    out.push(`[id=${hex(id)}] ${t.fion}`);
  }
  return ok(out.join('; '));
}

// Pure: i3's plain settings (gaps, borders, the mouse, colours, fonts, the bar) as Fion's
// settings (src/config/settings.ts names them), or the reason Fion has no such setting.
import { configWords, type I3Statement } from './config.js';
import { str, type Item } from './items.js';

const no = (s: I3Statement, reason: string, path: readonly string[] = []): Item => ({ path, key: null, value: '', source: s, reason });
const set = (s: I3Statement, path: readonly string[], key: string, value: string, note?: string): Item =>
  ({ path, key, value, source: s, ...(note === undefined ? {} : { note }) });

/** i3's booleans: yes, true, on, enable, active, 1. */
const truthy = (w: string | undefined): boolean => ['yes', 'true', 'on', 'enable', 'active', '1'].includes((w ?? '').toLowerCase());

/** Why Fion has no counterpart of an i3 setting. */
const NOT_SUPPORTED: Readonly<Record<string, string>> = {
  default_orientation: 'Fion splits where you ask (tile split horizontal|vertical)',
  workspace_layout: 'every Fion tile holds its windows as tabs',
  default_floating_border: 'Fion draws borders around tiles, not floats',
  new_float: 'Fion draws borders around tiles, not floats',
  title_align: 'Fion\'s tab titles start at the left',
  for_window: 'expected [criteria] COMMAND',
  no_focus: 'Fion focuses new windows',
  popup_during_fullscreen: 'Fion shows a fullscreen window\'s dialogs over it',
  focus_wrapping: 'Fion\'s directional focus stops at the edge',
  force_focus_wrapping: 'Fion\'s directional focus stops at the edge',
  focus_on_window_activation: 'Fion focuses a window that asks to be activated',
  force_display_urgency_hint: 'Fion marks urgent windows until they are focused',
  ipc_socket: 'Fion puts its i3 socket in $XDG_RUNTIME_DIR (I3SOCK tells clients)',
  'ipc-socket': 'Fion puts its i3 socket in $XDG_RUNTIME_DIR (I3SOCK tells clients)',
  ipc_kill_timeout: 'Fion has no such timeout',
  restart_state: 'Fion keeps its own restart state',
  set_from_resource: 'Fion reads no X resources for its config',
  floating_minimum_size: 'Fion keeps to each window\'s own size hints',
  floating_maximum_size: 'Fion keeps to each window\'s own size hints',
  title_window_icon: 'Fion\'s tabs show titles only',
  hide_edge_borders: 'Fion\'s borders go around tiles (borders.smart hides them for a lone tile)',
};

const MOD: Readonly<Record<string, string>> = { mod1: 'alt', mod4: 'super', shift: 'shift', control: 'ctrl', ctrl: 'ctrl', mod3: 'mod3', mod5: 'mod5' };

/** A Fion colour from i3's #rrggbb (an alpha channel, #rrggbbaa, is dropped). */
function colour(text: string | undefined): string | null {
  if (text === undefined) return null;
  const m = /^#([0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(text) ?? /^#([0-9a-f]{3})$/i.exec(text);
  return m === null ? null : `#${m[1]!.toLowerCase()}`;
}

/** `font`: an X core font (XLFD) carries over; Pango and Xft fonts do not. */
export function fontItem(s: I3Statement, path: readonly string[]): Item {
  const name = s.text.replace(/^font\s+/, '').trim();
  if (name.startsWith('-')) return set(s, path.length === 0 ? [] : path, 'font', str(name));
  return no(s, 'Fion draws text with X core fonts (an XLFD from xlsfonts), not Pango or Xft', path);
}

/** `client.focused BORDER BACKGROUND TEXT [INDICATOR] [CHILD_BORDER]` and friends. */
export function clientColours(s: I3Statement): Item[] {
  const [which, ...words] = configWords(s.text);
  const [border, background, text, , child] = words.map(colour);
  const targets: Readonly<Record<string, readonly [string | null, string | null, string | null]>> = {
    'client.focused': ['tab_focused_background', 'tab_focused_foreground', 'border_focused'],
    'client.focused_inactive': ['tab_shown_background', 'tab_shown_foreground', null],
    'client.unfocused': ['tab_background', 'tab_foreground', 'border_unfocused'],
    'client.urgent': ['tab_urgent_background', null, 'border_urgent'],
  };
  const t = targets[which ?? ''];
  if (t === undefined) return [no(s, `${which}: Fion has no such colour`)];
  if (border === null || background === null || text === null || border === undefined || background === undefined || text === undefined) {
    return [no(s, 'expected #rrggbb colours')];
  }
  const out: Item[] = [];
  if (t[0] !== null) out.push(set(s, ['colors'], t[0], str(background)));
  if (t[1] !== null) out.push(set(s, ['colors'], t[1], str(text)));
  if (t[2] !== null) out.push(set(s, ['colors'], t[2], str(child ?? border)));
  return out;
}

/** Everything at the top that is not a binding, rule, exec, font or colour. */
export function settingStatement(s: I3Statement): Item[] {
  const [word = '', ...args] = configWords(s.text);
  switch (word) {
    case 'workspace': {
      const at = args.indexOf('output');
      if (at < 1 || at === args.length - 1) return [no(s, args.includes('gaps') ? 'gaps per workspace' : 'expected workspace NAME output OUTPUT')];
      const outputs = args.slice(at + 1);
      return [set(s, ['workspaces', 'outputs'], args.slice(0, at).join(' '), str(outputs[0]!), outputs.length > 1 ? `Fion pins to one output; i3 also listed ${outputs.slice(1).join(' ')}` : undefined)];
    }
    case 'focus_follows_mouse':
      return [set(s, ['mouse'], 'focus_follows', String(truthy(args[0])))];
    case 'mouse_warping':
      return [set(s, ['mouse'], 'warp', String(args[0] !== 'none'))];
    case 'workspace_auto_back_and_forth':
      return [set(s, ['workspaces'], 'auto_back_and_forth', String(truthy(args[0])))];
    case 'show_marks':
      return [set(s, ['tiles'], 'show_marks', String(truthy(args[0])))];
    case 'force_xinerama':
      return truthy(args[0]) ? [set(s, ['monitors'], 'source', str('xinerama'))] : [set(s, ['monitors'], 'source', str('auto'))];
    case 'floating_modifier': {
      const mod = MOD[(args[0] ?? '').toLowerCase()];
      return mod === undefined ? [no(s, `the modifier ${args[0] ?? ''}`)] : [set(s, ['mouse'], 'modifier', str(mod))];
    }
    case 'tiling_drag':
      return args[0] === 'off' || args[0] === 'no' ? [no(s, 'Fion always drags tiled windows with the mouse modifier')]
        : [set(s, ['mouse'], 'move_button', '1', 'Fion drags tiled windows with mouse.modifier and the move button')];
    case 'gaps': {
      const n = Number(args[1]);
      if ((args[0] !== 'inner' && args[0] !== 'outer') || !Number.isInteger(n) || n < 0) return [no(s, 'Fion has inner and outer gaps, in pixels')];
      return [set(s, ['gaps'], args[0], String(n))];
    }
    case 'smart_gaps':
      return args[0] === 'inverse_outer' ? [no(s, 'smart_gaps inverse_outer')] : [set(s, ['gaps'], 'smart', String(truthy(args[0])))];
    case 'smart_borders':
      return [set(s, ['borders'], 'smart', String(args[0] === 'no_gaps' || truthy(args[0])))];
    case 'default_border':
    case 'new_window': {
      if (args[0] === 'none') return [set(s, ['borders'], 'width', '0')];
      const n = args[1] === undefined ? (args[0] === 'pixel' ? 1 : 2) : Number(args[1]);
      if ((args[0] !== 'pixel' && args[0] !== 'normal') || !Number.isInteger(n) || n < 0) return [no(s, 'expected none, normal [N] or pixel [N]')];
      return [set(s, ['borders'], 'width', String(n), 'Fion draws it around each tile; each tile has a tab bar')];
    }
    default: {
      const reason = NOT_SUPPORTED[word];
      return [no(s, reason === undefined ? `${word}: Fion does not know this i3 setting` : `${word}: ${reason}`)];
    }
  }
}

/** `bar { ... }`: Fion draws one bar per monitor, on top; `extra` for a second bar block. */
export function barItems(s: I3Statement, extra: boolean): Item[] {
  if (extra) return [no(s, 'a second bar: Fion draws one bar per monitor (the first bar block is imported)'), ...(s.block?.body ?? []).map((b) => no(b, 'inside a second bar'))];
  const out: Item[] = [];
  for (const b of s.block?.body ?? []) {
    const [word = '', ...args] = configWords(b.text);
    const rest = b.text.slice(word.length).trim();
    if (b.block?.kind === 'colors') { out.push(...barColours(b)); continue; }
    switch (word) {
      case 'status_command':
        out.push(set(b, ['bar'], 'status_command', str(rest)), set(b, ['bar'], 'status_shell', 'true', 'i3 runs it with sh -c'));
        break;
      case 'position':
        out.push(args[0] === 'top' ? set(b, ['bar'], 'hidden', 'false') : no(b, 'Fion\'s bar is on top'));
        break;
      case 'tray_output':
        out.push(set(b, ['bar'], 'tray_output', str(args[0] ?? 'primary')));
        break;
      case 'tray_padding': {
        const n = parseInt(args[0] ?? '', 10);
        out.push(Number.isInteger(n) && n >= 0 ? set(b, ['bar'], 'tray_padding', String(n)) : no(b, 'expected a number of pixels'));
        break;
      }
      case 'mode':
        out.push(args[0] === 'invisible' ? set(b, ['bar'], 'hidden', 'true') : args[0] === 'dock' ? set(b, ['bar'], 'hidden', 'false')
          : no(b, 'Fion\'s bar is shown or hidden (bar toggle), not shown on a modifier'));
        break;
      case 'font':
        out.push(no(b, 'Fion has one font for the bar and tab bars: the top-level font'));
        break;
      default:
        out.push(no(b, b.block === undefined ? `${word}: Fion draws its own bar` : `the block ${b.block.kind}`));
    }
  }
  return out;
}

/** `colors { background #... ; focused_workspace B BG TEXT; ... }` inside a bar. */
function barColours(s: I3Statement): Item[] {
  const out: Item[] = [];
  const pairs: Readonly<Record<string, readonly [string | null, string | null]>> = {
    focused_workspace: ['bar_current_workspace_background', 'bar_current_workspace_foreground'],
    urgent_workspace: ['bar_urgent_background', 'bar_urgent_foreground'],
    binding_mode: ['bar_mode_background', 'bar_mode_foreground'],
    inactive_workspace: [null, 'bar_workspace_foreground'],
  };
  const single: Readonly<Record<string, string>> = { background: 'bar_background', statusline: 'bar_foreground', separator: 'bar_separator' };
  for (const b of s.block?.body ?? []) {
    const [word = '', ...args] = configWords(b.text);
    const cs = args.map(colour);
    if (single[word] !== undefined && cs[0] !== null && cs[0] !== undefined) { out.push(set(b, ['colors'], single[word], str(cs[0]))); continue; }
    const p = pairs[word];
    if (p !== undefined && cs[1] && cs[2]) {
      if (p[0] !== null) out.push(set(b, ['colors'], p[0], str(cs[1])));
      if (p[1] !== null) out.push(set(b, ['colors'], p[1], str(cs[2])));
      continue;
    }
    out.push(no(b, `${word}: Fion's bar has no such colour`));
  }
  return out;
}

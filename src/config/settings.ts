// Fion's plain settings, one entry each: its key in the file, its kind of value,
// its default, what it does, and where it lives in a Config. Reading a file,
// checking a Config, the defaults, "unknown key, did you mean" and the README's
// settings reference all come from this table. The structured sections
// (bindings, modes, rules) have readers of their own.
//
// Adding a setting: a field in types.ts, an entry here, the key with a comment
// in config/fion.yaml, then `node dist/scripts/settings-doc.js --write` for the
// README (test/config/settings.test.ts checks all of these agree).

import type { Pair } from 'yaml';
import { argv, boolean, commandLines, choice, clocks, colour, colourOrNone, fonts, names, number, optionalCommand, outputPins, outputScales, switchOrOutputs, text, zone, type Kind } from './kinds.js';
import { MONITOR_SOURCES, MOUSE_MODIFIERS, PLACEMENTS, type Colors, type Config } from './types.js';
import type { YamlWalk } from './yamlwalk.js';

export interface Setting {
  /** The key path in the file: "terminal", "colors.bar_background". */
  readonly path: string;
  /** The mapping it is written in ("colors"), or null at the top level. */
  readonly section: string | null;
  /** Its own key in that mapping ("bar_background"). */
  readonly key: string;
  /** The kind of value, as the docs name it. */
  readonly type: string;
  /** What it does, in one line. */
  readonly doc: string;
  /** The default, as YAML data (what config/fion.yaml writes for it). */
  readonly defaultYaml: unknown;
  /** Apply the value of its YAML node to config; a bad value is reported and changes nothing. */
  read(w: YamlWalk, config: Config, node: unknown, pair: Pair): void;
  /** Its value in config, as YAML data (comparable with defaultYaml). */
  yamlIn(config: Config): unknown;
  /** What is wrong with its value in config, or null. */
  problem(config: Config): string | null;
  /** Put its default into config. */
  reset(config: Config): void;
}

/** Where a setting's value lives in a Config. */
interface Place<T> {
  get(c: Config): T;
  set(c: Config, v: T): void;
}

/** Field `key` of the object `obj` picks out of a Config. */
function at<O extends object, K extends keyof O>(obj: (c: Config) => O, key: K): Place<O[K]> {
  return {
    get: (c) => obj(c)[key],
    set: (c, v) => {
      obj(c)[key] = v;
    },
  };
}

function setting<T>(path: string, kind: Kind<T>, value: T, place: Place<T>, doc: string): Setting {
  const dot = path.indexOf('.');
  return {
    path,
    section: dot < 0 ? null : path.slice(0, dot),
    key: path.slice(dot + 1),
    type: kind.type,
    doc,
    defaultYaml: kind.yaml(value),
    read: (w, config, node, pair) => {
      const got = kind.read(w, node, pair, path, place.get(config));
      if (got !== null) place.set(config, got.value);
    },
    yamlIn: (config) => kind.yaml(place.get(config)),
    problem: (config) => kind.problem(place.get(config)),
    // A copy each time: no two Configs share a default's list.
    reset: (config) => place.set(config, structuredClone(value)),
  };
}

const colours: readonly (readonly [key: string, field: Exclude<keyof Colors, 'emptyTileBackground'>, value: number, doc: string])[] = [
  ['bar_background', 'barBackground', 0x1d2021, 'the bar on each monitor'],
  ['bar_foreground', 'barForeground', 0xebdbb2, 'text in the bar: workspace names, the clock'],
  ['bar_mode_background', 'barModeBackground', 0xd79921, "the current mode's name in the bar"],
  ['bar_mode_foreground', 'barModeForeground', 0x1d2021, "the current mode's name in the bar: its text"],
  ['bar_message_foreground', 'barMessageForeground', 0xfb4934, 'messages and errors in the bar'],
  ['tab_background', 'tabBackground', 0x32302f, 'a tab that is not shown'],
  ['tab_foreground', 'tabForeground', 0xa89984, 'a tab that is not shown: its title'],
  ['tab_shown_background', 'tabShownBackground', 0x504945, 'the shown tab of an unfocused tile'],
  ['tab_shown_foreground', 'tabShownForeground', 0xebdbb2, 'the shown tab of an unfocused tile: its title'],
  ['tab_focused_background', 'tabFocusedBackground', 0x458588, 'the shown tab of the focused tile'],
  ['tab_focused_foreground', 'tabFocusedForeground', 0xfbf1c7, 'the shown tab of the focused tile: its title'],
  ['tab_urgent_background', 'tabUrgentBackground', 0xcc241d, 'a tab whose window asks for attention'],
  ['bar_workspace_foreground', 'barWorkspaceForeground', 0xa89984, 'workspaces in the bar that are not shown'],
  ['bar_current_workspace_background', 'barCurrentWorkspaceBackground', 0x458588, 'the workspace shown on that monitor'],
  ['bar_current_workspace_foreground', 'barCurrentWorkspaceForeground', 0xfbf1c7, 'the workspace shown on that monitor: its name'],
  ['bar_urgent_background', 'barUrgentBackground', 0xcc241d, 'a workspace or status block asking for attention'],
  ['bar_urgent_foreground', 'barUrgentForeground', 0xfbf1c7, 'a workspace or status block asking for attention: its text'],
  ['bar_separator', 'barSeparator', 0x504945, 'lines between status blocks and clocks'],
  ['bar_placeholder', 'barPlaceholder', 0xfe8019, 'a character the font lacks, drawn as a box'],
  ['border_focused', 'borderFocused', 0x458588, 'the border of the focused tile (borders.width)'],
  ['border_unfocused', 'borderUnfocused', 0x504945, 'the border of the other tiles'],
  ['border_urgent', 'borderUrgent', 0xcc241d, 'the border of a tile whose window asks for attention'],
];

/** Where colors.empty_tile_background (a colour or none) goes among the colours, in file order. */
const EMPTY_AT = colours.findIndex(([key]) => key === 'bar_workspace_foreground');

const colors = (c: Config): Colors => c.colors;
const bar = (c: Config): Config['bar'] => c.bar;
const monitors = (c: Config): Config['monitors'] => c.monitors;
const gaps = (c: Config): Config['gaps'] => c.gaps;
const borders = (c: Config): Config['borders'] => c.borders;
const tabs = (c: Config): Config['tabs'] => c.tabs;
/** Whole pixels, 0 to `max`. */
const pixels = (max: number, example: string): Kind<number> =>
  number({ ok: (n) => Number.isInteger(n) && n >= 0 && n <= max, range: `0 <= n <= ${max}, whole pixels`, example });
const top = (c: Config): Config => c;
const mouse = (c: Config): Config['mouse'] => c.mouse;
const session = (c: Config): Config['session'] => c.session;
const button = number({ ok: (n) => Number.isInteger(n) && n >= 1 && n <= 5, range: 'a button 1 to 5', example: '1' });

/** Every plain setting, in the order of config/fion.yaml. */
export const SETTINGS: readonly Setting[] = [
  setting('terminal', argv('xterm -fa Monospace'), ['x-terminal-emulator'], at(top, 'terminal'),
    'what the `terminal` command starts: a command line (quotes group words, no shell) or a list of words'),
  setting('keyboard_layout_per_window', boolean, false, at(top, 'keyboardLayoutPerWindow'),
    'each window keeps the keyboard layout it had when it was last focused'),
  setting('autostart', commandLines, [], at(top, 'autostart'),
    'command lines started once at session start (not at restart), after the XDG autostart entries; no shell'),
  setting('launch_timeout', number({ ok: (n) => n > 0 && n <= 3600, range: '0 < seconds <= 3600', example: '30' }), 30, at(top, 'launchTimeout'),
    'seconds during which the window of a program Fion started opens where it was started from'),
  setting('placement', choice(PLACEMENTS), 'tab', at(top, 'placement'),
    'where a new tiled window goes: tab (a tab of the focused tile), split (the focused tile is cut along its longer side), master (one large tile and a stack); under split and master a tile goes when its last window leaves, its neighbours taking its space'),
  setting<[string, ...string[]]>('font', fonts, ['monospace 10', '-misc-fixed-medium-r-normal--13-120-75-75-c-70-iso10646-1'], {
    get: (c) => [c.font, ...c.fontFallbacks],
    set: (c, [font, ...fallbacks]) => {
      c.font = font;
      c.fontFallbacks = fallbacks;
    },
  }, 'font of the bar and tab bars: a fontconfig name ("DejaVu Sans Mono 10", "Noto Sans:size=11"), drawn anti-aliased, or an X core font (XLFD); a list: the first that is found, the others for characters it lacks'),
  ...colours.slice(0, EMPTY_AT).map(([key, field, value, doc]) => setting(`colors.${key}`, colour, value, at(colors, field), doc)),
  setting('colors.empty_tile_background', colourOrNone, 0x282828, at(colors, 'emptyTileBackground'),
    'a tile with no windows; none: the root window\'s background (the wallpaper) shows'),
  ...colours.slice(EMPTY_AT).map(([key, field, value, doc]) => setting(`colors.${key}`, colour, value, at(colors, field), doc)),
  setting('bar.clock', text, 'yyyy-MM-dd HH:mm:ss', at(bar, 'clock'), 'the clock, a luxon format; without seconds the bar wakes once a minute'),
  setting('bar.zone', zone, undefined, {
    get: (c) => c.bar.zone,
    set: (c, v) => {
      // Absent, not undefined: local time is no zone at all.
      if (v === undefined) delete c.bar.zone;
      else c.bar.zone = v;
    },
  }, "the clock's time zone (\"UTC\", \"Europe/Paris\"); null: local time"),
  setting('bar.clocks', clocks, [], at(bar, 'clocks'), 'more clocks, left of that one: formats, or {format, zone}'),
  setting('bar.status_command', optionalCommand, null, at(bar, 'statusCommand'),
    'a program printing status blocks (i3bar protocol, or plain lines), run without a shell'),
  setting('bar.status_shell', boolean, false, at(bar, 'statusShell'), 'run status_command through /bin/sh -c'),
  setting('bar.hidden', switchOrOutputs, false, at(bar, 'hidden'), 'no bar (true), or none on the outputs listed'),
  setting('bar.tray_output', text, 'primary', at(bar, 'trayOutput'),
    'the bar holding the system tray: primary (the RandR primary output, else the first), an output name, or none'),
  setting('bar.tray_padding', number({ ok: (n) => Number.isInteger(n) && n >= 0 && n <= 16, range: '0 to 16 pixels', example: '2' }), 2,
    at(bar, 'trayPadding'), 'pixels around each tray icon'),
  setting('bar.tray_replace', boolean, false, at(bar, 'trayReplace'),
    'take the system tray from another tray host that holds it (a polybar, trayer, stalonetray)'),
  setting('gaps.inner', pixels(500, '8'), 0, at(gaps, 'inner'), 'pixels between neighbouring tiles'),
  setting('gaps.outer', pixels(500, '8'), 0, at(gaps, 'outer'), "pixels between the tiles and the edges of a monitor's tile area"),
  setting('gaps.smart', boolean, false, at(gaps, 'smart'), 'no gaps on a workspace showing a single tile'),
  setting('borders.width', pixels(100, '2'), 0, at(borders, 'width'),
    'a border this many pixels wide around each tile, in colors.border_focused, border_unfocused or border_urgent'),
  setting('borders.smart', boolean, false, at(borders, 'smart'), 'no border on a workspace showing a single tile'),
  setting('tabs.hide_single', boolean, false, at(tabs, 'hideSingle'), 'no tab bar on a tile holding a single shown window: the window gets the room'),
  setting('tabs.min_width', number({ ok: (n) => Number.isInteger(n) && n >= 16 && n <= 2000, range: '16 <= n <= 2000, whole pixels', example: '120' }), 48,
    at(tabs, 'minWidth'), 'the narrowest a tab gets: a tile with more tabs than fit shows those around its shown one, counting the others'),
  setting('tabs.icons', boolean, true, at(tabs, 'icons'), "each tab shows its window's icon (_NET_WM_ICON) before the title, as high as the tab bar"),
  setting('tiles.resize_step', number({ ok: (n) => n > 0 && n < 0.5, range: '0 < step < 0.5', example: '0.05' }), 0.05,
    at(top, 'resizeStep'), 'how far `tile resize` moves a border, as a fraction of the parent split'),
  setting('tiles.show_marks', boolean, true, at(top, 'showMarks'), "tabs show their windows' marks before the title: [mail] Inbox"),
  setting('workspaces.names', names('[web, mail]'), [], at(top, 'workspaceNames'), 'names of workspaces 1, 2, ...; "" leaves one unnamed'),
  setting('workspaces.auto_back_and_forth', boolean, false, at(top, 'autoBackAndForth'),
    "going to the workspace already shown goes back to the one before (its key toggles between the two)"),
  setting('workspaces.outputs', outputPins, {}, at(top, 'workspaceOutputs'),
    'workspace name -> the output it is shown on, at start and whenever that output appears'),
  setting('monitors.source', choice(MONITOR_SOURCES), 'auto', at(monitors, 'source'),
    'where monitors come from; auto: RandR 1.5 monitors, else CRTCs, else Xinerama, else the whole screen'),
  setting('monitors.scale', outputScales, {}, at(monitors, 'scale'),
    "output name -> how much larger Fion draws its bar, tab bars, gaps and borders there: {HDMI-1: 2}; anti-aliased text there too (core fonts keep one size)"),
  setting('monitors.shown_elsewhere', choice(['focus', 'swap'] as const), 'focus', at(monitors, 'shownElsewhere'),
    '`workspace goto` of a workspace another monitor shows: focus that monitor, or swap it here'),
  setting('monitors.remember', boolean, true, at(monitors, 'remember'),
    'remember which workspaces each set of monitors showed, and show them again when the same set is connected'),
  setting('mouse.modifier', choice(MOUSE_MODIFIERS), 'super', at(mouse, 'modifier'),
    'held with a button over a window to drag it (i3: floating_modifier)'),
  setting('mouse.move_button', button, 1, at(mouse, 'moveButton'),
    'with the modifier: drag a float to move it, or a tiled window onto another tile'),
  setting('mouse.resize_button', button, 3, at(mouse, 'resizeButton'),
    'with the modifier: drag a float to resize it from its nearest corner'),
  setting('mouse.focus_follows', boolean, false, at(mouse, 'focusFollows'),
    'the pointer moving into a window focuses it (i3: focus_follows_mouse)'),
  setting('mouse.warp', boolean, true, at(mouse, 'warp'),
    'focus moving to another monitor takes the pointer to the middle of the focused window (i3: mouse_warping)'),
  setting('session.restore', choice(['ask', 'always', 'never'] as const), 'ask', at(session, 'restore'),
    'at a session start, bring back the saved session (workspaces, tiles, programs): ask in the bar (y/n), always or never'),
];

/** The settings written in one section ("colors"), or at the top level (null), in table order. */
export function settingsIn(section: string | null): Setting[] {
  return SETTINGS.filter((s) => s.section === section);
}

/** The top-level keys that hold plain settings: settings and sections, in table order. */
export const SETTING_KEYS: readonly string[] = [...new Set(SETTINGS.map((s) => s.section ?? s.key))];

/**
 * A Config holding every setting's default, with no bindings, modes or rules.
 * Its objects start empty and every setting fills its own place: the type
 * cannot see that, so test/config/settings.test.ts checks that every field of
 * a Config is filled, and configProblems that each holds a good value.
 */
export function defaultSettings(): Config {
  const config = { colors: {}, bar: {}, gaps: {}, borders: {}, tabs: {}, monitors: {}, mouse: {}, session: {}, bindings: [], modes: [], rules: [], dropdowns: [] } as unknown as Config;
  for (const s of SETTINGS) s.reset(config);
  return config;
}

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
import { argv, boolean, choice, clocks, colour, fonts, names, number, optionalCommand, outputPins, switchOrOutputs, text, zone, type Kind } from './kinds.js';
import { MONITOR_SOURCES, MOUSE_MODIFIERS, type Colors, type Config } from './types.js';
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

const colours: readonly (readonly [key: string, field: keyof Colors, value: number, doc: string])[] = [
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
  ['empty_tile_background', 'emptyTileBackground', 0x282828, 'a tile with no windows'],
  ['bar_workspace_foreground', 'barWorkspaceForeground', 0xa89984, 'workspaces in the bar that are not shown'],
  ['bar_current_workspace_background', 'barCurrentWorkspaceBackground', 0x458588, 'the workspace shown on that monitor'],
  ['bar_current_workspace_foreground', 'barCurrentWorkspaceForeground', 0xfbf1c7, 'the workspace shown on that monitor: its name'],
  ['bar_urgent_background', 'barUrgentBackground', 0xcc241d, 'a workspace or status block asking for attention'],
  ['bar_urgent_foreground', 'barUrgentForeground', 0xfbf1c7, 'a workspace or status block asking for attention: its text'],
  ['bar_separator', 'barSeparator', 0x504945, 'lines between status blocks and clocks'],
  ['bar_placeholder', 'barPlaceholder', 0xfe8019, 'a character the font lacks, drawn as a box'],
];

const colors = (c: Config): Colors => c.colors;
const bar = (c: Config): Config['bar'] => c.bar;
const monitors = (c: Config): Config['monitors'] => c.monitors;
const top = (c: Config): Config => c;
const mouse = (c: Config): Config['mouse'] => c.mouse;
const button = number({ ok: (n) => Number.isInteger(n) && n >= 1 && n <= 5, range: 'a button 1 to 5', example: '1' });

/** Every plain setting, in the order of config/fion.yaml. */
export const SETTINGS: readonly Setting[] = [
  setting('terminal', argv('xterm -fa Monospace'), ['x-terminal-emulator'], at(top, 'terminal'),
    'what the `terminal` command starts: a command line (quotes group words, no shell) or a list of words'),
  setting<[string, ...string[]]>('font', fonts, ['-misc-fixed-medium-r-normal--13-120-75-75-c-70-iso10646-1'], {
    get: (c) => [c.font, ...c.fontFallbacks],
    set: (c, [font, ...fallbacks]) => {
      c.font = font;
      c.fontFallbacks = fallbacks;
    },
  }, 'X core font (XLFD) of the bar and tab bars; a list: the first the server has, the others for characters it lacks'),
  ...colours.map(([key, field, value, doc]) => setting(`colors.${key}`, colour, value, at(colors, field), doc)),
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
  setting('tiles.resize_step', number({ ok: (n) => n > 0 && n < 0.5, range: '0 < step < 0.5', example: '0.05' }), 0.05,
    at(top, 'resizeStep'), 'how far `tile resize` moves a border, as a fraction of the parent split'),
  setting('workspaces.names', names('[web, mail]'), [], at(top, 'workspaceNames'), 'names of workspaces 1, 2, ...; "" leaves one unnamed'),
  setting('workspaces.outputs', outputPins, {}, at(top, 'workspaceOutputs'),
    'workspace name -> the output it is shown on, at start and whenever that output appears'),
  setting('monitors.source', choice(MONITOR_SOURCES), 'auto', at(monitors, 'source'),
    'where monitors come from; auto: RandR 1.5 monitors, else CRTCs, else Xinerama, else the whole screen'),
  setting('monitors.shown_elsewhere', choice(['focus', 'swap'] as const), 'focus', at(monitors, 'shownElsewhere'),
    '`workspace goto` of a workspace another monitor shows: focus that monitor, or swap it here'),
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
  const config = { colors: {}, bar: {}, monitors: {}, mouse: {}, bindings: [], modes: [], rules: [] } as unknown as Config;
  for (const s of SETTINGS) s.reset(config);
  return config;
}

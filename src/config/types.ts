// Fion's configuration as the rest of Fion sees it: complete, validated, merged.

/** One key bound to one command. */
export interface KeyBinding {
  /** Canonical key spec ("super+shift+q"; see src/keys/keyspec.ts). */
  keys: string;
  /** Command text in Fion's command language, trimmed; never "none". */
  command: string;
  /** 1-based line of the binding in its file (the built-in fallback: in config/fion.yaml). */
  line: number;
  /** The file the binding came from; '' for the built-in fallback. */
  file?: string;
}

export interface ModeConfig {
  /** The mode's name, as written under `modes:`. */
  name: string;
  /** Canonical key spec that enters the mode from normal mode, or null (enter it by command). */
  enter: string | null;
  /** true: the mode stays on after a key runs its command; false: one command, then back. */
  sticky: boolean;
  /** Keys inside the mode. */
  keys: KeyBinding[];
  /** 1-based line where the mode is (last) defined (the built-in fallback: in config/fion.yaml). */
  line: number;
  file?: string;
}

/** Colours as 0xRRGGBB numbers; camelCase of the YAML names under `colors:` (settings.ts pairs them). */
export interface Colors {
  barBackground: number;
  barForeground: number;
  barModeBackground: number;
  barModeForeground: number;
  barMessageForeground: number;
  tabBackground: number;
  tabForeground: number;
  tabShownBackground: number;
  tabShownForeground: number;
  tabFocusedBackground: number;
  tabFocusedForeground: number;
  tabUrgentBackground: number;
  /** null: none, the root window's background shows. */
  emptyTileBackground: number | null;
  barWorkspaceForeground: number;
  barCurrentWorkspaceBackground: number;
  barCurrentWorkspaceForeground: number;
  barUrgentBackground: number;
  barUrgentForeground: number;
  barSeparator: number;
  barPlaceholder: number;
  borderFocused: number;
  borderUnfocused: number;
  borderUrgent: number;
}

/** One more clock in the bar: a luxon format in a time zone. */
export interface ClockConfig {
  format: string;
  /** IANA zone name or "UTC"; absent: local time. */
  zone?: string;
}

export interface BarConfig {
  /** luxon format of the main (local) clock. */
  clock: string;
  /** Time zone of the main clock; absent: local time. */
  zone?: string;
  /** More clocks, shown left of the main one. */
  clocks: ClockConfig[];
  /** Command line of a status command (i3bar protocol or plain lines), or null. */
  statusCommand: string | null;
  /** Run statusCommand through /bin/sh -c (default: split into words, no shell). */
  statusShell: boolean;
  /** Hide the bar on every monitor (true), or on the outputs named. */
  hidden: boolean | string[];
  /** Which bar holds the system tray: "primary" (the RandR primary output, else the first
   *  monitor), an output's name, or "none" (no tray). */
  trayOutput: string;
  /** Pixels around each tray icon. */
  trayPadding: number;
  /** Take the tray from another tray host that holds it (a polybar or trayer). */
  trayReplace: boolean;
}

/** A window rule: windows matching every given field get the actions. */
export interface Rule {
  /** WM_CLASS class, instance, or the title: exact text, or /regex/ for a JavaScript regular expression. */
  match: { class?: string; instance?: string; title?: string };
  /** Float (true) or tile (false) regardless of what the window says about itself. */
  float?: boolean;
  /** Name of the workspace the window goes to (created when missing). */
  workspace?: string;
  /** Name of the output (monitor) the window goes to: onto the workspace it shows. */
  output?: string;
  /** Commands run once when the window appears, with the window as their target (as i3's
   *  for_window): `tab float; mark mail`. */
  run?: string;
  /** Make it sticky (a float then stays on its monitor across workspace switches). */
  sticky?: boolean;
  /** Pin a float in this corner of its monitor (picture-in-picture windows). */
  corner?: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
  line: number;
  file?: string;
}

/** A program a key toggles in and out of view (`dropdown NAME`), see config/dropdowns.ts. */
export interface Dropdown {
  name: string;
  /** What starts it when no window of it is there. Never empty. */
  command: string[];
  /** How its window is known: each given field exact text or /regex/. */
  match: { class?: string; instance?: string; title?: string };
  /** Where it shows: fractions of the focused monitor's usable rect. */
  place: { x: number; y: number; width: number; height: number };
  line: number;
  file?: string;
}

export interface Config {
  /** argv of the terminal (the `terminal` command spawns it). Never empty. */
  terminal: string[];
  /** Each window keeps the keyboard layout (XKB group) it had when last focused. */
  keyboardLayoutPerWindow: boolean;
  /** Command lines started at session start (not at restart), after the XDG autostart entries. */
  autostart: string[];
  /** Seconds a started program's first window is placed where it was launched from. */
  launchTimeout: number;
  /** Where a new tiled window goes: a tab of the focused tile, a split of it, or master and stack. */
  placement: Placement;
  /** X core font name (XLFD). */
  font: string;
  /** Fonts tried in order when `font` cannot be opened (YAML: `font` given as a list). */
  fontFallbacks: string[];
  colors: Colors;
  bar: BarConfig;
  /** Pixels between tiles (inner) and around a monitor's tile area (outer); smart: none
   *  on a workspace with a single tile. */
  gaps: { inner: number; outer: number; smart: boolean };
  /** A border of `width` pixels around each tile; smart: none on a workspace with a single tile. */
  borders: { width: number; smart: boolean };
  /** Tab bars: none for a tile holding one shown window (hideSingle); the narrowest a tab
   *  gets; windows' icons before their titles. */
  tabs: { hideSingle: boolean; minWidth: number; icons: boolean };
  /** Fraction of the parent split one resize step moves; 0 < resizeStep < 0.5. */
  resizeStep: number;
  /** Tabs show their windows' marks, `[name]`, before the title. */
  showMarks: boolean;
  /** `workspace goto N` of the focused workspace goes back to the one before (i3's). */
  autoBackAndForth: boolean;
  /** Names of workspaces 1, 2, ... ('' = unnamed). */
  workspaceNames: string[];
  /** Workspace name -> output (monitor) name it is shown on whenever that output is present. */
  workspaceOutputs: Record<string, string>;
  monitors: {
    /** Where monitors come from: auto (RandR 1.5 monitors, else CRTCs, else Xinerama, else the root). */
    source: MonitorSourceSetting;
    /** Switching to a workspace another monitor shows: focus that monitor, or swap it here. */
    shownElsewhere: 'focus' | 'swap';
    /** Remember which workspaces each set of monitors showed and restore them when it is connected again. */
    remember: boolean;
    /** Output name -> scale of the bars, tab bars, gaps and borders drawn on it (absent: 1). */
    scale: Record<string, number>;
  };
  mouse: MouseConfig;
  session: {
    /** At a session start, with a saved session: ask in the bar (y/n), restore it, or not. */
    restore: 'ask' | 'always' | 'never';
  };
  /** Normal-mode bindings. Key specs unique, and distinct from every mode's enter key. */
  bindings: KeyBinding[];
  /** Names unique; enter keys unique. */
  modes: ModeConfig[];
  /** Window rules, first match wins per action. */
  rules: Rule[];
  /** Dropdowns by name (unique). */
  dropdowns: Dropdown[];
}

export const MOUSE_MODIFIERS = ['super', 'alt', 'ctrl', 'shift', 'mod3', 'mod5'] as const;
export type MouseModifier = (typeof MOUSE_MODIFIERS)[number];

/** Pointer settings (i3's floating_modifier, focus_follows_mouse, mouse_warping). */
export interface MouseConfig {
  /** Held with a button over a window to move or resize it. */
  modifier: MouseModifier;
  /** Button (1-5) that moves a window with the modifier. */
  moveButton: number;
  /** Button (1-5) that resizes a floating window with the modifier. */
  resizeButton: number;
  /** The pointer entering a window focuses it. */
  focusFollows: boolean;
  /** Focus moving to another monitor takes the pointer to the middle of the focused window. */
  warp: boolean;
}

/** Where a new tiled window goes (the `placement` setting; src/model/placement.ts). */
export const PLACEMENTS = ['tab', 'split', 'master'] as const;
export type Placement = (typeof PLACEMENTS)[number];

export const MONITOR_SOURCES = ['auto', 'randr', 'crtcs', 'xinerama', 'root'] as const;
export type MonitorSourceSetting = (typeof MONITOR_SOURCES)[number];

/** Something wrong in a config file. line/column are 1-based; 0 when about the whole file. */
export interface ConfigError {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * Checks supplied by the parts of Fion that own the languages. Each returns an
 * error text, or null when the text is fine. src/config imports nothing of Fion.
 */
export interface Validators {
  /** A command in Fion's command language ("tile split horizontal"). */
  command?: (text: string) => string | null;
  /** A key spec, after src/keys/keyspec.ts parsed it (e.g. "is there such a key on this keyboard"). */
  keySpec?: (text: string) => string | null;
  /** A font name: is there such a font on this system (fontconfig), is it a font name at all. */
  font?: (name: string) => string | null;
}

export interface LoadResult {
  config: Config;
  /** The file Fion read as the configuration (the user's, --config's, the most important system file, or the shipped default). */
  path: string;
  errors: ConfigError[];
  /** true when there is neither a user's file nor a system file, or when the user's file (--config's)
   *  could not be used at all. */
  usedDefault: boolean;
}

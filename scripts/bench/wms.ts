// The window managers under test: how to start each with its default or a minimal
// equivalent config, and the key chord each binds to "show workspace N".
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { which } from './procs.js';

export interface WmSpec {
  readonly name: string;
  /** The binary on $PATH (null: always present). */
  readonly binary: string | null;
  readonly install: string;
  /** argv to exec; `dir` is a private temp dir for config files. */
  command(display: string, dir: string): { cmd: string; args: string[] };
  /** Keysyms of the chord that shows workspace n (1-based), modifier first. */
  workspaceKey(n: number): number[];
  /** A chord that must run once before workspace 2 exists (Fion starts with one workspace per monitor). */
  readonly createWorkspaceKey?: readonly number[];
  /** What "default config" means for it here. */
  readonly config: string;
  /** Which comparison it belongs to: 'tabbed' (one window shown per workspace or tile) or
   *  'visible' (every window shown). Rows only compare managers of the same kind. */
  readonly kind: 'tabbed' | 'visible';
  /** A chord pressed once when it is ready (dwm's monocle layout). */
  readonly setupKey?: readonly number[];
  /** Key press to screen: a chord that changes the tiling of two windows (a split), and the
   *  chord that puts it back; `what` says what each does here. */
  readonly splitKeys?: { readonly split: readonly number[]; readonly back: readonly number[]; readonly what: string };
  /** The manager's own message tool: argv asking its version, and argv of `workspace next`. */
  msg?(display: string, dir: string): { readonly version: string[]; readonly next: string[] };
  /** Minimum _NET_NUMBER_OF_DESKTOPS before it counts as ready (its autostart has run). */
  readonly minDesktops: number;
  version(): string;
}

const XK_Super_L = 0xffeb;
const XK_Alt_L = 0xffe9;
const XK_Shift_L = 0xffe1;
const digit = (n: number): number => 0x30 + n;
const key = (c: string): number => c.charCodeAt(0);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function dpkgVersion(pkg: string): string {
  try { return `${pkg} ${execSyncText('dpkg-query', ['-W', '-f', '${Version}', pkg])}`; } catch { return `${pkg} (version unknown)`; }
}
function execSyncText(cmd: string, args: string[]): string { return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); }

const nodeFlags = (): string[] => (process.env.FION_BENCH_NODE_FLAGS ?? '').split(/\s+/).filter((f) => f !== '');

const fionBin = join(repoRoot, 'bin', 'fion');

export const FION: WmSpec = {
  name: 'fion',
  binary: null,
  install: 'npm ci && npm run build',
  config: 'shipped default (config/fion.yaml; XDG_CONFIG_HOME points at an empty dir): placement tab; bar clock with seconds',
  kind: 'tabbed',
  minDesktops: 0,
  // tile split (super+shift+v) cuts the focused tile: its window shrinks to half; tile kill puts it back.
  splitKeys: { split: [XK_Super_L, XK_Shift_L, key('v')], back: [XK_Super_L, XK_Shift_L, key('d')], what: 'tile split vertical / tile kill' },
  msg: () => ({
    version: [fionBin, 'msg', '-t', 'version'],
    next: [fionBin, 'msg', 'workspace', 'next'],
  }),
  // As a session runs it: bin/fion as a program (its sh supervisor and the Node it starts,
  // measured together). FION_BENCH_NODE_FLAGS (space-separated) runs `node FLAGS bin/fion`
  // instead, without the supervisor or its flags: to try a flag or to profile
  // (--cpu-prof --cpu-prof-dir=DIR).
  command: (display) => (nodeFlags().length === 0
    ? { cmd: fionBin, args: ['--display', display] }
    : { cmd: process.execPath, args: [...nodeFlags(), fionBin, '--display', display] }),
  workspaceKey: (n) => [XK_Super_L, digit(n)],
  createWorkspaceKey: [XK_Super_L, XK_Shift_L, 0x61 /* a: workspace create */],
  version: () => {
    try { return `fion ${execSyncText('git', ['-C', repoRoot, 'rev-parse', '--short', 'HEAD'])}${execSyncText('git', ['-C', repoRoot, 'status', '--porcelain', 'src']) === '' ? '' : '+dirty'}${nodeFlags().length > 0 ? ` (node ${nodeFlags().join(' ')})` : ''}`; } catch { return 'fion'; }
  },
};

/** Fion as the packages install it: bin/fion beside the bundle dist/fion.cjs and its chunks (npm
 *  run bundle) and config/, with no dist/src or node_modules, copied into the session's temp dir. */
export const FION_BUNDLE: WmSpec = {
  ...FION,
  name: 'fion-bundle',
  install: 'npm run bundle',
  command: (display, dir) => {
    const bundle = join(repoRoot, 'dist', 'fion.cjs');
    if (!existsSync(bundle)) throw new Error('no dist/fion.cjs: run npm run bundle');
    const pkg = join(dir, 'pkg');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    cpSync(join(repoRoot, 'bin'), join(pkg, 'bin'), { recursive: true });
    cpSync(join(repoRoot, 'config'), join(pkg, 'config'), { recursive: true });
    for (const f of readdirSync(join(repoRoot, 'dist'))) if (/^fion(-.*)?\.cjs$/.test(f)) cpSync(join(repoRoot, 'dist', f), join(pkg, 'dist', f));
    // FreeType beside the bundle, as the .deb installs it (scripts/package-deb.sh): without
    // it the bundle draws core fonts, less work than the installed Fion does.
    const req = createRequire(join(repoRoot, 'package.json'));
    const ft = join(repoRoot, 'node_modules', '@julusian', 'freetype2');
    const prebuilds = req('pkg-prebuilds/bindings') as { resolve(dir: string, opts: unknown, a: boolean, b: boolean): string };
    cpSync(prebuilds.resolve(ft, req(join(ft, 'binding-options.js')), false, true), join(pkg, 'dist', 'freetype2.node'));
    return { cmd: join(pkg, 'bin', 'fion'), args: ['--display', display] };
  },
  version: () => `${FION.version()} (bundle)`,
};

/** Fion with `placement: split`: every window shown, as the peers' defaults show them. */
export const FION_SPLIT: WmSpec = {
  ...FION,
  name: 'fion-split',
  kind: 'visible',
  config: 'shipped default with placement: split (each new window halves the focused tile along its longer side; a tile too small to cut takes it as a tab)',
  command: (display, dir) => {
    mkdirSync(join(dir, 'fion'), { recursive: true });
    writeFileSync(join(dir, 'fion', 'config.yaml'), 'placement: split\n');
    return FION.command(display, dir);
  },
};

/** `placement: split` on the packages' bundle: the installed Fion against the peers' defaults. */
export const FION_BUNDLE_SPLIT: WmSpec = {
  ...FION_SPLIT,
  name: 'fion-bundle-split',
  install: FION_BUNDLE.install,
  command: (display, dir) => {
    mkdirSync(join(dir, 'fion'), { recursive: true });
    writeFileSync(join(dir, 'fion', 'config.yaml'), 'placement: split\n');
    return FION_BUNDLE.command(display, dir);
  },
  version: FION_BUNDLE.version,
};

const i3Conf = (dir: string, extra: readonly string[]): string => {
  const conf = join(dir, 'i3.conf');
  writeFileSync(conf, [
    '# i3 config file (v4)',
    'font -misc-fixed-medium-r-normal--13-120-75-75-c-70-iso10646-1',
    'bindsym Mod4+1 workspace number 1',
    'bindsym Mod4+2 workspace number 2',
    'bindsym Mod4+Shift+v layout toggle split',
    ...extra,
    '',
  ].join('\n'));
  return conf;
};

export const I3: WmSpec = {
  name: 'i3',
  binary: 'i3',
  install: 'sudo apt-get install i3-wm',
  config: 'minimal: a font line and Mod4+1/Mod4+2 workspace bindings (as in its default); no bar, no i3status, no wizard',
  kind: 'visible',
  minDesktops: 0,
  command: (_display, dir) => ({ cmd: 'i3', args: ['-c', i3Conf(dir, [])] }),
  // i3 has no split that changes what is shown; `layout toggle split` turns two windows side
  // by side into a column and back: both resize, as Fion's window does on a split.
  splitKeys: { split: [XK_Super_L, XK_Shift_L, key('v')], back: [XK_Super_L, XK_Shift_L, key('v')], what: 'layout toggle split (both ways)' },
  msg: () => ({
    version: ['i3-msg', '-t', 'get_version'],
    next: ['i3-msg', 'workspace', 'next'],
  }),
  workspaceKey: (n) => [XK_Super_L, digit(n)],
  version: () => dpkgVersion('i3-wm'),
};

export const I3_TABBED: WmSpec = {
  ...I3,
  name: 'i3-tabbed',
  kind: 'tabbed',
  config: 'as i3, plus `workspace_layout tabbed`: new windows are tabs (one shown)',
  command: (_display, dir) => ({ cmd: 'i3', args: ['-c', i3Conf(dir, ['workspace_layout tabbed'])] }),
};

export const DWM: WmSpec = {
  name: 'dwm',
  binary: 'dwm',
  install: 'sudo apt-get install dwm',
  config: 'default (compiled in; its bar shows no clock unless something sets the root name): tile layout, master and stack',
  kind: 'visible',
  minDesktops: 0,
  command: () => ({ cmd: 'dwm', args: [] }),
  // dwm has no split; alt+l / alt+h widen and narrow the master area: both windows resize.
  splitKeys: { split: [XK_Alt_L, key('l')], back: [XK_Alt_L, key('h')], what: 'setmfact +0.05 / -0.05 (alt+l / alt+h)' },
  workspaceKey: (n) => [XK_Alt_L, digit(n)],
  version: () => dpkgVersion('dwm'),
};

export const DWM_MONOCLE: WmSpec = {
  ...DWM,
  name: 'dwm-monocle',
  kind: 'tabbed',
  config: 'default, switched to its monocle layout (alt+m) at start: every window maximised, the focused one on top (all stay mapped)',
  setupKey: [XK_Alt_L, key('m')],
};

function hlwmAutostart(dir: string, extra: readonly string[]): string {
  const auto = join(dir, 'autostart');
  writeFileSync(auto, [
    '#!/bin/sh',
    'herbstclient rename default 1',
    'herbstclient keybind Mod4-1 use_index 0',
    'herbstclient keybind Mod4-2 use_index 1',
    // Key press to screen: cut the frame (its window goes to one half), and merge it back.
    'herbstclient keybind Mod4-Shift-v split right 0.5',
    'herbstclient keybind Mod4-Shift-d remove',
    ...extra,
    'herbstclient add 2', // last: two desktops mean the autostart has finished
    '',
  ].join('\n'));
  chmodSync(auto, 0o755);
  return auto;
}

export const HLWM: WmSpec = {
  name: 'herbstluftwm',
  binary: 'herbstluftwm',
  install: 'sudo apt-get install herbstluftwm',
  config: 'minimal autostart: tags 1 and 2, Mod4+1/Mod4+2 bound to use_index (as in its default); no panel; frame layout vertical (its default)',
  kind: 'visible',
  minDesktops: 2,
  command: (_display, dir) => ({ cmd: 'herbstluftwm', args: ['--autostart', hlwmAutostart(dir, [])] }),
  workspaceKey: (n) => [XK_Super_L, digit(n)],
  splitKeys: { split: [XK_Super_L, XK_Shift_L, key('v')], back: [XK_Super_L, XK_Shift_L, key('d')], what: 'split right 0.5 / remove' },
  msg: () => ({
    version: ['herbstclient', 'version'],
    next: ['herbstclient', 'use_index', '+1'],
  }),
  version: () => dpkgVersion('herbstluftwm'),
};

export const HLWM_MAX: WmSpec = {
  ...HLWM,
  name: 'herbstluftwm-max',
  kind: 'tabbed',
  config: 'as herbstluftwm, with default_frame_layout max (and the first frames set to max): one window of a frame shown',
  command: (_display, dir) => ({
    cmd: 'herbstluftwm',
    args: ['--autostart', hlwmAutostart(dir, ['herbstclient set default_frame_layout max', 'herbstclient set_layout max'])],
  }),
};

/** Tabbed against tabbed, everything shown against everything shown. */
export const ALL: readonly WmSpec[] = [FION, I3_TABBED, DWM_MONOCLE, HLWM_MAX, FION_SPLIT, I3, DWM, HLWM];
/** Run only when named (--only fion,fion-bundle): the packages' bundle, as a user installs Fion. */
export const EXTRA: readonly WmSpec[] = [FION_BUNDLE, FION_BUNDLE_SPLIT];

export function available(w: WmSpec): boolean { return w.binary === null || which(w.binary) !== null; }

export function byName(name: string): WmSpec | undefined {
  const n = name.toLowerCase();
  return [...ALL, ...EXTRA].find((w) => w.name === n || (n === 'hlwm' && w === HLWM) || (n === 'hlwm-max' && w === HLWM_MAX));
}

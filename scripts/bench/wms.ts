// The window managers under test: how to start each with its default or a minimal
// equivalent config, and the key chord each binds to "show workspace N".
import { chmodSync, cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  /** Minimum _NET_NUMBER_OF_DESKTOPS before it counts as ready (its autostart has run). */
  readonly minDesktops: number;
  version(): string;
}

const XK_Super_L = 0xffeb;
const XK_Alt_L = 0xffe9;
const XK_Shift_L = 0xffe1;
const digit = (n: number): number => 0x30 + n;
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function dpkgVersion(pkg: string): string {
  try { return `${pkg} ${execSyncText('dpkg-query', ['-W', '-f', '${Version}', pkg])}`; } catch { return `${pkg} (version unknown)`; }
}
function execSyncText(cmd: string, args: string[]): string { return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); }

const nodeFlags = (): string[] => (process.env.FION_BENCH_NODE_FLAGS ?? '').split(/\s+/).filter((f) => f !== '');

export const FION: WmSpec = {
  name: 'fion',
  binary: null,
  install: 'npm ci && npm run build',
  config: 'shipped default (config/fion.yaml; XDG_CONFIG_HOME points at an empty dir); bar clock with seconds',
  minDesktops: 0,
  // As a session runs it: bin/fion as a program (its sh supervisor and the Node it starts,
  // measured together). FION_BENCH_NODE_FLAGS (space-separated) runs `node FLAGS bin/fion`
  // instead, without the supervisor or its flags: to try a flag or to profile
  // (--cpu-prof --cpu-prof-dir=DIR).
  command: (display) => (nodeFlags().length === 0
    ? { cmd: join(repoRoot, 'bin', 'fion'), args: ['--display', display] }
    : { cmd: process.execPath, args: [...nodeFlags(), join(repoRoot, 'bin', 'fion'), '--display', display] }),
  workspaceKey: (n) => [XK_Super_L, digit(n)],
  createWorkspaceKey: [XK_Super_L, XK_Shift_L, 0x61 /* a: workspace create */],
  version: () => {
    try { return `fion ${execSyncText('git', ['-C', repoRoot, 'rev-parse', '--short', 'HEAD'])}${execSyncText('git', ['-C', repoRoot, 'status', '--porcelain', 'src']) === '' ? '' : '+dirty'}${nodeFlags().length > 0 ? ` (node ${nodeFlags().join(' ')})` : ''}`; } catch { return 'fion'; }
  },
};

/** Fion as the packages install it: bin/fion beside the one-file bundle dist/fion.mjs (npm run
 *  bundle) and config/, with no dist/src or node_modules, copied into the session's temp dir. */
export const FION_BUNDLE: WmSpec = {
  ...FION,
  name: 'fion-bundle',
  install: 'npm run bundle',
  command: (display, dir) => {
    const bundle = join(repoRoot, 'dist', 'fion.mjs');
    if (!existsSync(bundle)) throw new Error('no dist/fion.mjs: run npm run bundle');
    const pkg = join(dir, 'pkg');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    cpSync(join(repoRoot, 'bin'), join(pkg, 'bin'), { recursive: true });
    cpSync(join(repoRoot, 'config'), join(pkg, 'config'), { recursive: true });
    cpSync(bundle, join(pkg, 'dist', 'fion.mjs'));
    return { cmd: join(pkg, 'bin', 'fion'), args: ['--display', display] };
  },
  version: () => `${FION.version()} (bundle)`,
};

export const I3: WmSpec = {
  name: 'i3',
  binary: 'i3',
  install: 'sudo apt-get install i3-wm',
  config: 'minimal: a font line and Mod4+1/Mod4+2 workspace bindings (as in its default); no bar, no i3status, no wizard',
  minDesktops: 0,
  command: (_display, dir) => {
    const conf = join(dir, 'i3.conf');
    writeFileSync(conf, [
      '# i3 config file (v4)',
      'font -misc-fixed-medium-r-normal--13-120-75-75-c-70-iso10646-1',
      'bindsym Mod4+1 workspace number 1',
      'bindsym Mod4+2 workspace number 2',
      '',
    ].join('\n'));
    return { cmd: 'i3', args: ['-c', conf] };
  },
  workspaceKey: (n) => [XK_Super_L, digit(n)],
  version: () => dpkgVersion('i3-wm'),
};

export const DWM: WmSpec = {
  name: 'dwm',
  binary: 'dwm',
  install: 'sudo apt-get install dwm',
  config: 'default (compiled in; its bar shows no clock unless something sets the root name)',
  minDesktops: 0,
  command: () => ({ cmd: 'dwm', args: [] }),
  workspaceKey: (n) => [XK_Alt_L, digit(n)],
  version: () => dpkgVersion('dwm'),
};

export const HLWM: WmSpec = {
  name: 'herbstluftwm',
  binary: 'herbstluftwm',
  install: 'sudo apt-get install herbstluftwm',
  config: 'minimal autostart: tags 1 and 2, Mod4+1/Mod4+2 bound to use_index (as in its default); no panel',
  minDesktops: 2,
  command: (_display, dir) => {
    const auto = join(dir, 'autostart');
    writeFileSync(auto, [
      '#!/bin/sh',
      'herbstclient rename default 1',
      'herbstclient keybind Mod4-1 use_index 0',
      'herbstclient keybind Mod4-2 use_index 1',
      'herbstclient add 2', // last: two desktops mean the autostart has finished
      '',
    ].join('\n'));
    chmodSync(auto, 0o755);
    return { cmd: 'herbstluftwm', args: ['--autostart', auto] };
  },
  workspaceKey: (n) => [XK_Super_L, digit(n)],
  version: () => dpkgVersion('herbstluftwm'),
};

export const ALL: readonly WmSpec[] = [FION, I3, DWM, HLWM];
/** Run only when named (--only fion,fion-bundle). */
export const EXTRA: readonly WmSpec[] = [FION_BUNDLE];

export function available(w: WmSpec): boolean { return w.binary === null || which(w.binary) !== null; }

export function byName(name: string): WmSpec | undefined {
  const n = name.toLowerCase();
  return [...ALL, ...EXTRA].find((w) => w.name === n || (n === 'hlwm' && w === HLWM));
}

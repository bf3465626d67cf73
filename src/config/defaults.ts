// The built-in fallback: used only when the shipped config/fion.yaml cannot be
// read or parsed. The defaults live in config/fion.yaml; this object must equal
// what that file parses to (test/config/defaults.test.ts checks it, line numbers
// aside). Change both together.

import type { Config, KeyBinding, ModeConfig } from './types.js';

function bindings(pairs: readonly (readonly [string, string])[]): KeyBinding[] {
  return pairs.map(([keys, command]) => ({ keys, command, line: 0, file: '' }));
}

function mode(name: string, enter: string | null, sticky: boolean, keys: readonly (readonly [string, string])[]): ModeConfig {
  return { name, enter, sticky, keys: bindings(keys), line: 0, file: '' };
}

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** A fresh copy of the built-in fallback configuration. */
export function fallbackConfig(): Config {
  return {
    terminal: ['x-terminal-emulator'],
    font: '-misc-fixed-medium-r-normal--13-120-75-75-c-70-iso10646-1',
    fontFallbacks: [],
    colors: {
      barBackground: 0x1d2021,
      barForeground: 0xebdbb2,
      barModeBackground: 0xd79921,
      barModeForeground: 0x1d2021,
      barMessageForeground: 0xfb4934,
      tabBackground: 0x32302f,
      tabForeground: 0xa89984,
      tabShownBackground: 0x504945,
      tabShownForeground: 0xebdbb2,
      tabFocusedBackground: 0x458588,
      tabFocusedForeground: 0xfbf1c7,
      tabUrgentBackground: 0xcc241d,
      emptyTileBackground: 0x282828,
      barWorkspaceForeground: 0xa89984,
      barCurrentWorkspaceBackground: 0x458588,
      barCurrentWorkspaceForeground: 0xfbf1c7,
      barUrgentBackground: 0xcc241d,
      barUrgentForeground: 0xfbf1c7,
      barSeparator: 0x504945,
      barPlaceholder: 0xfe8019,
    },
    bar: { clock: 'yyyy-MM-dd HH:mm:ss', clocks: [], statusCommand: null, statusShell: false, hidden: false },
    resizeStep: 0.05,
    workspaceNames: [],
    bindings: bindings([
      ['super+Return', 'terminal'],
      ['super+shift+q', 'close'],
      ['super+shift+e', 'exit'],
      ...digits.map((d) => [`super+${d}`, `workspace goto ${d}`] as const),
      ['super+shift+h', 'tile split horizontal'],
      ['super+shift+v', 'tile split vertical'],
      ['super+shift+d', 'tile kill'],
      ['super+shift+n', 'tile next'],
      ['super+shift+p', 'tile prev'],
      ['super+shift+Left', 'tile resize left'],
      ['super+shift+Right', 'tile resize right'],
      ['super+shift+Up', 'tile resize up'],
      ['super+shift+Down', 'tile resize down'],
      ['super+shift+t', 'tab next'],
      ['super+shift+m', 'tab move next'],
      ['super+shift+f', 'tab float'],
      ['super+f', 'tab fullscreen'],
      ['super+u', 'focus urgent'],
      ['super+shift+w', 'workspace next'],
      ['super+shift+b', 'workspace prev'],
      ['super+shift+a', 'workspace create'],
      ['super+shift+x', 'workspace destroy'],
      ['super+shift+r', 'restart'],
      ['super+shift+c', 'reload'],
    ]),
    modes: [
      mode('workspace', 'super+w', false, [
        ['n', 'workspace next'],
        ['p', 'workspace prev'],
        ['c', 'workspace create'],
        ['d', 'workspace destroy'],
        ...digits.map((d) => [d, `workspace goto ${d}`] as const),
        ['r', 'prompt workspace rename'],
        ['m n', 'workspace move next'],
        ['m p', 'workspace move prev'],
        ['o', 'monitor next'],
      ]),
      mode('tile', 'super+t', false, [
        ['n', 'tile next'],
        ['p', 'tile prev'],
        ['c', 'tile split auto'],
        ['d', 'tile kill'],
        ['h', 'tile split horizontal'],
        ['v', 'tile split vertical'],
        ['Left', 'tile resize left'],
        ['Right', 'tile resize right'],
        ['Up', 'tile resize up'],
        ['Down', 'tile resize down'],
        ['m n', 'tile move next'],
        ['m p', 'tile move prev'],
      ]),
      mode('tab', 'super+Tab', false, [
        ['n', 'tab next'],
        ['p', 'tab prev'],
        ['c', 'tab new'],
        ['d', 'tab close'],
        ['m n', 'tab move next'],
        ['m p', 'tab move prev'],
        ['f', 'tab float'],
        ['shift+f', 'tab fullscreen'],
      ]),
      mode('run', 'super+r', false, [['t', 'terminal']]),
    ],
    rules: [],
    workspaceOutputs: {},
    monitors: { source: 'auto', shownElsewhere: 'focus' },
  };
}

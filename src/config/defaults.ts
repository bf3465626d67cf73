// The built-in fallback: used only when the shipped config/fion.yaml cannot be
// read or parsed. The defaults live in config/fion.yaml; this Config must equal
// what that file parses to (test/config/defaults.test.ts checks it, line numbers
// aside). The plain settings' defaults come from the settings table; the
// default bindings and modes are here. Change them together with the file.

import { defaultSettings } from './settings.js';
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
    ...defaultSettings(),
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
      ['super+minus', 'scratchpad show'],
      ['super+shift+minus', 'scratchpad move'],
      ['super+shift+s', 'sticky toggle'],
      ['super+grave', 'dropdown term'],
      ['super+shift+w', 'workspace next'],
      ['super+shift+b', 'workspace prev'],
      ['super+shift+a', 'workspace create'],
      ['super+shift+x', 'workspace destroy'],
      ['super+shift+r', 'restart'],
      ['super+shift+c', 'reload'],
      ['super+z', 'undo'],
      ['super+shift+z', 'redo'],
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
        ['u', 'undo'],
        ['shift+u', 'redo'],
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
      mode('float', 'super+g', true, [
        ['Left', 'float move left 20'],
        ['Right', 'float move right 20'],
        ['Up', 'float move up 20'],
        ['Down', 'float move down 20'],
        ['shift+Left', 'float resize left 20'],
        ['shift+Right', 'float resize right 20'],
        ['shift+Up', 'float resize up 20'],
        ['shift+Down', 'float resize down 20'],
      ]),
      mode('run', 'super+r', false, [['t', 'terminal']]),
    ],
    rules: [
      // Picture-in-picture videos: a small float that stays in the corner across workspaces.
      { match: { class: 'firefox', title: 'Picture-in-Picture' }, float: true, sticky: true, corner: 'bottom-right', line: 0, file: '' },
      { match: { title: 'Picture in picture' }, float: true, sticky: true, corner: 'bottom-right', line: 0, file: '' },
    ],
    dropdowns: [
      { name: 'term', command: ['xterm', '-class', 'FionDropdown'], match: { class: 'FionDropdown' }, place: { x: 0, y: 0, width: 1, height: 0.4 }, line: 0, file: '' },
    ],
  };
}

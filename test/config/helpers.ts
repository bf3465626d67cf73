// Shared by the config tests: a stand-in for the command parser, temp files.

import { writeFileSync } from 'node:fs';
import { tempDir as madeTempDir } from '../harness/tmp.js';
import { join } from 'node:path';
import type { Config, Validators } from '../../src/config/types.js';
import { parseCommand } from '../../src/commands/index.js';

/** The real command language checks the commands, as Fion does at run time. */
export function fakeCommand(text: string): string | null {
  const r = parseCommand(text);
  return r.ok ? null : r.error;
}

export const validators: Validators = { command: fakeCommand };

export function tempDir(): string {
  return madeTempDir('fion-config-test-');
}

export function writeTemp(dir: string, name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** 1-based line and column of the first occurrence of needle in text. */
export function where(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not in text`);
  }
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

/** A Config without the line/file bookkeeping, for comparing content. */
export function content(c: Config): unknown {
  return {
    ...c,
    bindings: c.bindings.map(({ keys, command }) => ({ keys, command })),
    modes: c.modes.map(({ name, enter, sticky, keys }) => ({
      name,
      enter,
      sticky,
      keys: keys.map(({ keys: k, command }) => ({ keys: k, command })),
    })),
    rules: c.rules.map(({ line: _l, file: _f, ...rule }) => rule),
    dropdowns: c.dropdowns.map(({ line: _l, file: _f, ...d }) => d),
  };
}

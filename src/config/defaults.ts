// The built-in fallback and the shipped defaults without the YAML parser, both from the
// snapshot of config/fion.yaml in shipped.ts (generated; test/config/defaults.test.ts checks
// that it is current). The fallback is used only when config/fion.yaml cannot be read or
// parsed; the snapshot stands in for the file's parse when the file is the one it was made of.

import { SHIPPED_CONFIG, SHIPPED_TEXT } from './shipped.js';
import type { Config } from './types.js';

/** FNV-1a over the text's UTF-16 code units: tells the shipped file from an edited one. */
export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * A deep copy, so that merging never touches the caller's Config. A Config is
 * plain data (no classes, functions or cycles), which structuredClone copies
 * whole: nothing here needs to know its fields.
 */
export function cloneConfig(c: Config): Config {
  return structuredClone(c);
}

/** A fresh copy of the built-in fallback configuration: the shipped file's, file names empty. */
export function fallbackConfig(): Config {
  return cloneConfig(SHIPPED_CONFIG);
}

/** What `text`, read from `path`, parses to, when it is the shipped file the snapshot was made
 *  of; else null (then it is parsed). */
export function shippedConfig(text: string, path: string): Config | null {
  if (text.length !== SHIPPED_TEXT.length || textHash(text) !== SHIPPED_TEXT.hash) return null;
  const c = fallbackConfig();
  const from = (items: { file?: string }[]): void => { for (const i of items) i.file = path; };
  from(c.bindings);
  from(c.modes);
  for (const m of c.modes) from(m.keys);
  from(c.rules);
  from(c.dropdowns);
  return c;
}

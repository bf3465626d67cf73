// What an imported i3 statement becomes: entries of Fion's YAML, each at a path of
// sections (`bar`, `modes.resize.keys`), or a comment saying why it was not carried over.
import type { I3Statement } from './config.js';

export interface Item {
  /** Sections above the entry: ['bindings'], ['modes', 'resize', 'keys'], ['rules']. */
  readonly path: readonly string[];
  /** The key; null for a list element (a rule). */
  readonly key: string | null;
  /** The value as YAML (a JSON scalar, a flow mapping or list). */
  readonly value: string;
  /** The i3 line it comes from; null for the structure Fion needs around it (a mode's `sticky`). */
  readonly source: I3Statement | null;
  /** Set: the entry is kept as a comment, for this reason. */
  reason?: string;
  /** Said after the entry, e.g. what differs from i3. */
  readonly note?: string;
}

/** A YAML scalar for text: JSON's double quotes are YAML's too. */
export const str = (text: string): string => JSON.stringify(text);

/** A YAML key: plain when YAML reads it back as the same text, else quoted. */
export function yamlKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_+.-]*$/.test(key) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(key) ? key : JSON.stringify(key);
}

/** One line of text for a comment: no line breaks, not too long. */
export function oneLine(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

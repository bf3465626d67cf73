// Reading the plain settings of a file with the table: a top-level setting
// (`terminal:`) directly, a section (`colors:`, `bar:`, ...) key by key, with
// "unknown key, did you mean" from the keys the table knows there.

import type { Pair } from 'yaml';
import { settingsIn } from './settings.js';
import { suggest } from './suggest.js';
import type { Config } from './types.js';
import type { YamlWalk } from './yamlwalk.js';

/** What the keys of a section are called in "unknown ..." errors, where not "key". */
const KEY_NOUN: Readonly<Record<string, string>> = { colors: 'colour' };

/** Apply the value of `key`, one of SETTING_KEYS, from the top level of a file. */
export function readSettings(w: YamlWalk, config: Config, key: string, node: unknown, pair: Pair): void {
  const own = settingsIn(null).find((s) => s.key === key);
  if (own !== undefined) {
    own.read(w, config, node, pair);
    return;
  }
  const map = w.mapping(node, pair, key);
  if (map === null) return;
  const inside = settingsIn(key);
  const known = inside.map((s) => s.key);
  for (const entry of w.entries(map, key)) {
    const s = inside.find((x) => x.key === entry.key);
    if (s === undefined) {
      w.error(entry.pair, `${key}: unknown ${KEY_NOUN[key] ?? 'key'} ${JSON.stringify(entry.key)}${suggest(entry.key, known)}`);
      continue;
    }
    s.read(w, config, w.valueOf(entry.pair), entry.pair);
  }
}

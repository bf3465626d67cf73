// `dropdowns:` named programs a key toggles in and out of view (the `dropdown NAME`
// command): how to start each, how to know its window, where it shows. A user's entry
// replaces the shipped one of the same name.
import { isScalar } from 'yaml';
import { argv } from './kinds.js';
import { suggest } from './suggest.js';
import type { Config, Dropdown } from './types.js';
import { isNull, type YamlWalk } from './yamlwalk.js';

const PLACE_KEYS = ['x', 'y', 'width', 'height'] as const;
const MATCH_KEYS = ['class', 'instance', 'title'] as const;
const KEYS = ['command', ...MATCH_KEYS, ...PLACE_KEYS];
const DEFAULT_PLACE = { x: 0, y: 0, width: 1, height: 0.4 };
const commandLine = argv('xterm -class FionDropdown');

/** `dropdowns:` a mapping of name -> {command, class|instance|title, x, y, width, height}. */
export function readDropdowns(w: YamlWalk, config: Config, node: unknown, at: unknown): void {
  if (isNull(node)) return;
  const map = w.mapping(node, at, 'dropdowns');
  if (map === null) return;
  const read: Dropdown[] = [];
  for (const { key: name, pair } of w.entries(map, 'dropdowns')) {
    const where = `dropdowns.${name}`;
    const body = w.mapping(w.valueOf(pair), pair, where);
    if (body === null) continue;
    const d: Dropdown = { name, command: [], match: {}, place: { ...DEFAULT_PLACE }, line: w.lineOf(pair), file: w.file };
    let ok = true;
    for (const { key, pair: p } of w.entries(body, where)) {
      const value = w.valueOf(p);
      if (key === 'command') {
        const r = commandLine.read(w, value, p, `${where}.command`, []);
        if (r === null) ok = false;
        else d.command = r.value;
      } else if ((MATCH_KEYS as readonly string[]).includes(key)) {
        const text = w.scalarText(value);
        const re = text === null ? null : /^\/(.*)\/$/s.exec(text);
        let bad = text === null || text === '';
        if (re) { try { new RegExp(re[1] ?? ''); } catch { bad = true; } }
        if (bad) { w.error(p, `${where}.${key}: expected text or a valid /regex/`); ok = false; continue; }
        d.match[key as (typeof MATCH_KEYS)[number]] = text!;
      } else if ((PLACE_KEYS as readonly string[]).includes(key)) {
        const v = isScalar(value) ? value.value : null;
        const size = key === 'width' || key === 'height';
        if (typeof v !== 'number' || !(v >= 0 && v <= 1) || (size && v === 0)) {
          w.error(p, `${where}.${key}: expected a fraction of the monitor, ${size ? 'above 0' : 'from 0'} up to 1`);
          ok = false;
          continue;
        }
        d.place = { ...d.place, [key]: v };
      } else {
        w.error(p, `${where}: unknown key ${JSON.stringify(key)}${suggest(key, KEYS)}`);
        ok = false;
      }
    }
    if (ok && d.command.length === 0) { w.error(pair, `${where}: needs a command`); ok = false; }
    if (ok && Object.keys(d.match).length === 0) { w.error(pair, `${where}: needs class, instance or title to know its window`); ok = false; }
    if (ok) read.push(d);
  }
  const names = new Set(read.map((d) => d.name));
  config.dropdowns = [...read, ...config.dropdowns.filter((d) => !names.has(d.name))];
}

// Pure: translated items (translate.ts) -> the text of a Fion config, in YAML, every entry
// followed by the i3 line it comes from, every line Fion cannot carry over kept as a
// comment with the reason. `check` (Fion's own config reader, handed in) has the last
// word: an entry it refuses is turned into a comment with its error, until it accepts all.
import type { I3Config, I3Statement } from './config.js';
import { oneLine, yamlKey, type Item } from './items.js';

export interface ImportCounts {
  /** i3 statements carried over whole. */
  readonly mapped: number;
  /** Carried over in part; the rest is named in a comment beside them. */
  readonly partly: number;
  /** Kept as comments only. */
  readonly unsupported: number;
  /** `set` and `include`: read while reading the file. */
  readonly consumed: number;
}

export interface ImportResult {
  readonly yaml: string;
  readonly counts: ImportCounts;
  /** Errors Fion's reader still reports (none, unless something here is wrong). */
  readonly leftErrors: readonly string[];
}

export type Check = (yaml: string) => readonly { readonly line: number; readonly message: string }[];

interface Node {
  readonly items: Item[];
  readonly children: Map<string, Node>;
}

const node = (): Node => ({ items: [], children: new Map() });
const live = (i: Item): boolean => i.reason === undefined && i.source !== null;
const hasLive = (n: Node): boolean => n.items.some(live) || [...n.children.values()].some(hasLive);

function tree(items: readonly Item[]): Node {
  const root = node();
  // A later line setting the same key wins, as in i3.
  const last = new Map<string, Item>();
  for (const item of items) {
    if (item.key !== null && item.reason === undefined) {
      const id = [...item.path, item.key].join('\u0000');
      const before = last.get(id);
      if (before !== undefined && before.source !== null && item.source !== null) before.reason = `replaced by line ${item.source.line}`;
      last.set(id, item);
    }
    let n = root;
    for (const p of item.path) {
      let c = n.children.get(p);
      if (c === undefined) { c = node(); n.children.set(p, c); }
      n = c;
    }
    n.items.push(item);
  }
  return root;
}

function render(root: Node, lines: string[], owners: (Item | null)[]): void {
  const push = (text: string, owner: Item | null): void => { lines.push(text); owners.push(owner); };
  const walk = (n: Node, indent: string): void => {
    for (const item of n.items) {
      const from = item.source === null ? '' : `i3: ${oneLine(item.source.raw, 100)}`;
      if (item.reason !== undefined) {
        if (item.source !== null) push(`${indent}# not supported: ${oneLine(item.source.raw, 120)} (${oneLine(item.reason)})`, item);
        continue;
      }
      if (item.source === null && !hasLive(n)) continue;
      const said = [from, item.note ?? ''].filter((t) => t !== '').join(' — ');
      const entry = item.key === null ? `- ${item.value}` : `${yamlKey(item.key)}: ${item.value}`;
      push(`${indent}${entry}${said === '' ? '' : `  # ${oneLine(said, 200)}`}`, item);
    }
    for (const [name, child] of n.children) {
      if (hasLive(child)) {
        push(`${indent}${yamlKey(name)}:`, null);
        walk(child, `${indent}  `);
      } else {
        walk(child, indent);
      }
    }
  };
  walk(root, '');
}

/** Every statement, block bodies included. */
function allStatements(statements: readonly I3Statement[]): I3Statement[] {
  return statements.flatMap((s) => [s, ...allStatements(s.block?.body ?? [])]);
}

function count(config: I3Config, items: readonly Item[]): ImportCounts {
  const bySource = new Map<I3Statement, Item[]>();
  for (const i of items) if (i.source !== null) bySource.set(i.source, [...(bySource.get(i.source) ?? []), i]);
  const status = (s: I3Statement): 'mapped' | 'partly' | 'unsupported' => {
    const own = bySource.get(s) ?? [];
    if (own.length === 0) {
      const body = (s.block?.body ?? []).map(status);
      return body.some((b) => b !== 'unsupported') ? 'mapped' : 'unsupported';
    }
    const ok = own.filter(live).length;
    if (ok === 0) return 'unsupported';
    return ok < own.length || own.some((i) => i.note?.startsWith('not carried over') === true) ? 'partly' : 'mapped';
  };
  const all = allStatements(config.statements).map(status);
  return {
    mapped: all.filter((s) => s === 'mapped').length,
    partly: all.filter((s) => s === 'partly').length,
    unsupported: all.filter((s) => s === 'unsupported').length + config.problems.length,
    consumed: config.consumed.length,
  };
}

function header(config: I3Config, source: string): string[] {
  const out = [
    `# Fion config imported from the i3 config ${source} by \`fion import-i3\`.`,
    '# Each entry names the i3 line it comes from; a line Fion cannot carry over is kept',
    '# as a comment with the reason. Fion\'s own defaults (config/fion.yaml) still apply',
    '# beneath this file: its super+... bindings and modes stay unless bound here.',
  ];
  if (config.consumed.length > 0) {
    out.push('#', '# Read while reading the i3 file (variables are expanded where they are used):');
    for (const c of config.consumed) out.push(`#   ${oneLine(c.statement.raw, 120)}  (${c.note})`);
  }
  for (const p of config.problems) out.push(`# not supported: ${oneLine(p.raw, 120)} (${p.error}, ${p.file}:${p.line})`);
  out.push('');
  return out;
}

/** The YAML for `items`, refused entries turned into comments until `check` accepts it. */
export function emitYaml(config: I3Config, items: readonly Item[], source: string, check: Check): ImportResult {
  const root = tree(items);
  const head = header(config, source);
  for (let round = 0; ; round++) {
    const lines: string[] = [...head];
    const owners: (Item | null)[] = head.map(() => null);
    render(root, lines, owners);
    const yaml = `${lines.join('\n')}\n`;
    const errors = check(yaml);
    const blamed = errors.map((e) => ({ e, item: owners[e.line - 1] ?? null }));
    const fixable = blamed.filter((b) => b.item !== null && b.item.reason === undefined && b.item.source !== null);
    if (errors.length === 0 || fixable.length === 0 || round >= 20) {
      return { yaml, counts: count(config, items), leftErrors: errors.map((e) => `line ${e.line}: ${e.message}`) };
    }
    for (const { e, item } of fixable) item!.reason = `Fion refuses it: ${e.message}`;
  }
}

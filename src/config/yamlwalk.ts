// Reading a YAML document with positions: every node a reader looks at can be
// reported as file:line:column, aliases are followed with a cap (a "billion
// laughs" file must not expand), and a mapping's keys come out once each.
// Nothing here knows what a config means; the readers of its sections do.

import {
  isAlias,
  isPair,
  isMap,
  isScalar,
  LineCounter,
  parseDocument,
  type Document,
  type Pair,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import type { ConfigError } from './types.js';

/** Aliases (*name) resolved per file, at most. */
export const MAX_ALIASES = 100;

/** A missing value: `key:` with nothing after it, `~`, `null`, or no node at all. */
export function isNull(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

/** One file's document, walked by the readers, collecting their errors. */
export class YamlWalk {
  readonly errors: ConfigError[] = [];
  private aliases = 0;

  constructor(
    readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lc: LineCounter,
  ) {}

  // ---- positions and errors

  private pos(offset: number): { line: number; column: number } {
    const lp = this.lc.linePos(offset);
    return { line: lp.line, column: lp.col };
  }

  private offsetOf(node: unknown): number {
    if (isPair(node)) return this.offsetOf(node.key ?? node.value);
    if (typeof node === 'object' && node !== null && 'range' in node) {
      const range = (node as { range?: unknown }).range;
      if (Array.isArray(range) && typeof range[0] === 'number') return range[0];
    }
    return 0;
  }

  /** 1-based line and column where a node (or a pair's key) starts. */
  position(node: unknown): { line: number; column: number } {
    return this.pos(this.offsetOf(node));
  }

  lineOf(node: unknown): number {
    return this.position(node).line;
  }

  error(node: unknown, message: string): void {
    this.errors.push({ file: this.file, ...this.position(node), message });
  }

  // ---- node access

  /** Follow an alias to its anchor's node; undefined (with an error) when that fails. */
  deref(node: unknown, at: unknown): unknown {
    if (!isAlias(node)) return node;
    if (++this.aliases > MAX_ALIASES) {
      if (this.aliases === MAX_ALIASES + 1) this.error(at, `more than ${MAX_ALIASES} aliases; the rest are ignored`);
      return undefined;
    }
    try {
      const target = node.resolve(this.doc);
      if (target === undefined) this.error(node, `unknown alias *${node.source}`);
      return target;
    } catch {
      this.error(node, `cannot resolve alias *${node.source}`);
      return undefined;
    }
  }

  /** The value node of a pair, aliases followed. null for an empty value. */
  valueOf(pair: Pair): unknown {
    return this.deref(pair.value, pair);
  }

  /** The text of a scalar key or value as written ("1" for the key 1:, not the number). */
  scalarText(node: unknown): string | null {
    if (!isScalar(node)) return null;
    const v: unknown = node.value;
    if (typeof v === 'string') return v;
    const src = (node as Scalar & { source?: unknown }).source;
    if (typeof src === 'string') return src;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return null;
  }

  /**
   * The pairs of a mapping with usable keys, each key text once. Reports keys
   * that are not plain scalars, and repeated keys (the first one wins).
   */
  entries(map: YAMLMap, where: string): { key: string; pair: Pair }[] {
    const out: { key: string; pair: Pair }[] = [];
    const seen = new Map<string, number>();
    for (const item of map.items) {
      if (!isPair(item)) continue;
      const keyNode = this.deref(item.key, item);
      const key = this.scalarText(keyNode);
      if (key === null) {
        this.error(item, `${where}: keys must be plain words or key specs`);
        continue;
      }
      const first = seen.get(key);
      if (first !== undefined) {
        this.error(item, `${where}: duplicate key ${JSON.stringify(key)} (first at line ${first}); this one is ignored`);
        continue;
      }
      seen.set(key, this.lineOf(item));
      out.push({ key, pair: item });
    }
    return out;
  }

  /** node as a mapping, or null after reporting (at `at` when the value is missing). */
  mapping(node: unknown, at: unknown, where: string): YAMLMap | null {
    if (isMap(node)) return node;
    this.error(isNull(node) ? at : node, `${where}: expected a mapping (key: value lines)${isNull(node) ? ', found nothing' : ''}`);
    return null;
  }

  /** node as a non-blank string, or null after reporting (at `at` when the value is missing). */
  str(node: unknown, at: unknown, where: string): string | null {
    if (isScalar(node) && typeof node.value === 'string') {
      if (node.value.trim() === '') {
        this.error(node, `${where}: cannot be empty`);
        return null;
      }
      return node.value;
    }
    this.error(isNull(node) ? at : node, `${where}: expected a string${isNull(node) ? ', found nothing' : ''}`);
    return null;
  }
}

/** The first line of a yaml error message, without yaml's own " at line N, column M". */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '');
}

export type ParsedYaml =
  /** Not YAML: the file cannot be used at all. */
  | { ok: false; errors: ConfigError[] }
  | {
      ok: true;
      walk: YamlWalk;
      /** The document's top node (null or undefined for an empty document). */
      root: unknown;
      warnings: ConfigError[];
      /** Repeated keys as the yaml package reports them; the readers report most of them again. */
      duplicates: ConfigError[];
    };

/** Parse text as one YAML document, with positions for everything reported. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lc = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    return { ok: false, errors: [{ file, line: 0, column: 0, message: `cannot parse: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  const at = (offset: number): { line: number; column: number } => {
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
  // Duplicate keys are reported, but do not spoil the file: the first one wins.
  const duplicates: ConfigError[] = [];
  const syntax: ConfigError[] = [];
  for (const e of doc.errors) {
    const err = { file, ...at(e.pos[0]), message: yamlMessage(e.message) };
    if (e.code === 'DUPLICATE_KEY') duplicates.push(err);
    else syntax.push(err);
  }
  if (syntax.length > 0) {
    return { ok: false, errors: syntax.map((e) => ({ ...e, message: `YAML syntax error: ${e.message}; the file is ignored` })) };
  }
  const warnings: ConfigError[] = doc.warnings.map((w) => ({ file, ...at(w.pos[0]), message: yamlMessage(w.message) }));
  return { ok: true, walk: new YamlWalk(file, doc, lc), root: doc.contents, warnings, duplicates };
}

// Pure: an i3 config's text read as i3 reads it, into statements: comments and blank lines
// dropped, `\` continuations joined, `set $var` (and `set_from_resource $var`, by its
// fallback) collected and expanded (longest name first, everywhere in the file, as i3 does),
// `include` resolved through the caller, and `mode "name" { ... }` and `bar { ... }` blocks
// kept as blocks. Nothing here knows Fion; src/i3/translate.ts says what each statement becomes.

/** One statement: its words (i3's quoting) and where it was written. */
export interface I3Statement {
  readonly file: string;
  readonly line: number;
  /** As written, after joining continuations (for comments in the output). */
  readonly raw: string;
  /** With variables expanded. */
  readonly text: string;
  /** `mode "resize" { ... }`, `bar { ... }`, `colors { ... }` inside a bar. */
  readonly block?: { readonly kind: string; readonly name: string; readonly body: readonly I3Statement[] };
}

/** An included file's text, or why it could not be read. `from` is the including file. */
export type IncludeReader = (pattern: string, from: string) => readonly ({ readonly file: string; readonly text: string } | { readonly error: string })[];

export interface I3Config {
  readonly statements: readonly I3Statement[];
  /** Statements i3 itself consumes while reading (set, include): counted, not translated. */
  readonly consumed: readonly { readonly statement: I3Statement; readonly note: string }[];
  /** What could not be read at all (an unclosed block, an include that failed). */
  readonly problems: readonly { readonly file: string; readonly line: number; readonly raw: string; readonly error: string }[];
}

interface Line {
  readonly file: string;
  readonly line: number;
  readonly raw: string;
}

/** Lines without comments and blanks; a line ending in `\` goes on with the next. */
function logicalLines(text: string, file: string): Line[] {
  const out: Line[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let raw = lines[i]!;
    while (raw.endsWith('\\') && i + 1 < lines.length) raw = raw.slice(0, -1) + lines[++i]!.trimStart();
    const t = raw.trim();
    if (t === '' || t.startsWith('#')) continue;
    out.push({ file, line: start + 1, raw: t });
  }
  return out;
}

/** Words as i3 splits them: whitespace, "double quotes" (with \" inside) and 'single'. */
export function configWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"?|'([^']*)'?|(\S+)/g)) {
    out.push(m[1] !== undefined ? m[1].replace(/\\(["\\])/g, '$1') : m[2] ?? m[3]!);
  }
  return out;
}

const MAX_INCLUDE_DEPTH = 10;

/** Read `text` (the file `file`) as i3 does. */
export function parseI3Config(text: string, file: string, include: IncludeReader = () => [{ error: 'include is not available here' }]): I3Config {
  const consumed: { statement: I3Statement; note: string }[] = [];
  const problems: { file: string; line: number; raw: string; error: string }[] = [];
  const vars = new Map<string, string>();
  const seen = new Set<string>([file]);

  // First the lines of every file, includes spliced in where they stand.
  const gather = (t: string, f: string, depth: number): Line[] => {
    const out: Line[] = [];
    for (const l of logicalLines(t, f)) {
      const words = configWords(l.raw);
      if (words[0] === 'include') {
        const pattern = l.raw.slice('include'.length).trim();
        const statement = { file: l.file, line: l.line, raw: l.raw, text: l.raw };
        if (depth >= MAX_INCLUDE_DEPTH) { problems.push({ ...l, error: 'includes nested too deep' }); continue; }
        // i3 expands variables in include paths defined so far.
        const files = include(expand(pattern, vars), f);
        const read: string[] = [];
        for (const r of files) {
          if ('error' in r) { problems.push({ ...l, error: r.error }); continue; }
          if (seen.has(r.file)) continue; // i3 reads a file once
          seen.add(r.file);
          read.push(r.file);
          out.push(...gather(r.text, r.file, depth + 1));
        }
        if (read.length > 0 || files.length === 0) consumed.push({ statement, note: files.length === 0 ? 'include: no file matched' : `include: read ${read.join(', ')}` });
        continue;
      }
      if (words[0] === 'set' && words[1]?.startsWith('$')) {
        const value = l.raw.replace(/^set\s+\S+\s*/, '');
        vars.set(words[1], expand(value, vars));
        consumed.push({ statement: { file: l.file, line: l.line, raw: l.raw, text: l.raw }, note: `set ${words[1]}` });
        continue;
      }
      // Fion reads no X resources, so the variable takes the fallback, as i3 does when the
      // resource is not set (an empty string when there is none); left unset, every use of it
      // (client colours, bar colours) would be refused.
      if (words[0] === 'set_from_resource' && words[1]?.startsWith('$')) {
        const value = l.raw.replace(/^set_from_resource\s+\S+\s*\S*\s*/, '');
        vars.set(words[1], expand(value, vars));
        consumed.push({ statement: { file: l.file, line: l.line, raw: l.raw, text: l.raw }, note: `set_from_resource ${words[1]}: no X resources read, the fallback is used` });
        continue;
      }
      out.push(l);
    }
    return out;
  };
  const lines = gather(text, file, 0);

  // Then blocks, with every variable known (i3 expands them over the whole file).
  let i = 0;
  const block = (until: boolean): { body: I3Statement[]; closed: boolean } => {
    const out: I3Statement[] = [];
    while (i < lines.length) {
      const l = lines[i++]!;
      const expanded = expand(l.raw, vars);
      if (expanded === '}') {
        if (until) return { body: out, closed: true };
        problems.push({ ...l, error: 'a "}" closes no block' });
        continue;
      }
      const open = /^(.*?)\s*\{$/s.exec(expanded);
      if (open !== null) {
        const head = configWords(open[1]!);
        const kind = head[0] ?? '';
        const name = head.filter((w) => !w.startsWith('--')).slice(1).join(' ');
        const inner = block(true);
        if (!inner.closed) problems.push({ ...l, error: `${kind} block: its "}" is missing` });
        out.push({ file: l.file, line: l.line, raw: l.raw, text: expanded, block: { kind, name, body: inner.body } });
        continue;
      }
      out.push({ file: l.file, line: l.line, raw: l.raw, text: expanded });
    }
    return { body: out, closed: false };
  };
  const statements = block(false).body;
  return { statements, consumed, problems };
}

/** `$name` replaced by its value, the longest names first (`$mod1` before `$mod`). */
export function expand(text: string, vars: ReadonlyMap<string, string>): string {
  if (!text.includes('$')) return text;
  let out = text;
  for (const name of [...vars.keys()].sort((a, b) => b.length - a.length)) out = out.split(name).join(vars.get(name)!);
  return out;
}

// The shape of src/ that keeps Fion's heart testable without a server: no import cycle
// among its files (type imports count), only src/x talks to the x11 package, the pure
// parts (model, layout, commands) import nothing of X, and no file grows past 400 lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout: the folder above dist/ holding package.json. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the test');
    dir = up;
  }
  return dir;
}

const root = repoRoot();
const src = join(root, 'src');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Every module a file imports or re-exports statically, type-only ones included. */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gms)) out.push(m[1]!);
  for (const m of text.matchAll(/^\s*import\s+'([^']+)'/gm)) out.push(m[1]!);
  return out;
}

const files = sources(src);
const rel = (p: string): string => relative(src, p);
const graph = new Map<string, { local: string[]; external: string[] }>();
for (const f of files) {
  const specs = importsOf(readFileSync(f, 'utf8'));
  graph.set(rel(f), {
    local: specs.filter((s) => s.startsWith('.')).map((s) => rel(resolve(dirname(f), s.replace(/\.js$/, '.ts')))),
    external: specs.filter((s) => !s.startsWith('.')),
  });
}

/** The cycles of a graph (Tarjan's strongly connected components of more than one file,
 *  or a file importing itself). */
export function cycles(g: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index); low.set(v, index); index++;
    stack.push(v); on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!g.has(w)) continue;
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); scc.push(w); } while (w !== v);
      if (scc.length > 1 || (g.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

test('the cycle finder finds a cycle, and none where there is none', () => {
  assert.deepEqual(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])), [['a', 'b', 'c']]);
  assert.deepEqual(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', []]])), []);
  assert.deepEqual(importsOf("import type { A } from './a.js';\nexport { b } from '../b.js';\nimport x from 'x11';"), ['./a.js', '../b.js', 'x11']);
});

test('no import cycle among the files of src/ (type imports count)', () => {
  const found = cycles(new Map([...graph].map(([f, d]) => [f, d.local])));
  assert.deepEqual(found, [], `cycles: ${found.map((c) => c.join(' -> ')).join('; ')}`);
});

test('only src/x imports the x11 package', () => {
  const outside = [...graph].filter(([f, d]) => !f.startsWith('x/') && d.external.some((e) => e === 'x11' || e.startsWith('x11/')));
  assert.deepEqual(outside.map(([f]) => f), []);
});

test('src/x imports nothing of Fion; the model, layout and commands import nothing of X', () => {
  const bad: string[] = [];
  for (const [f, d] of graph) {
    const folder = f.split('/')[0]!;
    for (const dep of d.local) {
      const to = dep.split('/')[0]!;
      if (folder === 'x' && to !== 'x') bad.push(`${f} imports ${dep}`);
      if (['model', 'layout', 'commands'].includes(folder) && ['x', 'manage', 'render', 'app', 'keys', 'bar', 'ipc'].includes(to)) {
        bad.push(`${f} imports ${dep}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});

test('no file in src/ is over 400 lines', () => {
  const big = files.map((f) => [rel(f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 400);
  assert.deepEqual(big, []);
});

/** The modules a file loads when it runs: static imports and re-exports that are not type-only. */
export function valueImportsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\b([^;]*?)\bfrom\s+'([^']+)'/gms)) {
    const what = m[2]!.trim();
    if (what.startsWith('type ')) continue;
    // `import { type A, type B } from`: types only, erased by the compiler.
    const named = /^\{([^}]*)\}$/.exec(what);
    if (named !== null && named[1]!.split(',').map((s) => s.trim()).filter((s) => s !== '').every((s) => s.startsWith('type '))) continue;
    out.push(m[3]!);
  }
  for (const m of text.matchAll(/^\s*import\s+'([^']+)'/gm)) out.push(m[1]!);
  return out;
}

/** Every package a file loads with it, following src/'s value imports. */
function packagesLoadedBy(file: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (f: string): void => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const s of valueImportsOf(readFileSync(join(src, f), 'utf8'))) {
      if (s.startsWith('.')) visit(rel(resolve(dirname(join(src, f)), s.replace(/\.js$/, '.ts'))));
      else if (!s.startsWith('node:')) packages.add(s.split('/')[0]!);
    }
  };
  visit(file);
  return packages;
}

test('valueImportsOf leaves out what only names types', () => {
  assert.deepEqual(valueImportsOf("import type { A } from './a.js';\nimport { type B, type C } from './b.js';\nimport { d, type E } from './d.js';\nexport type { F } from './f.js';\nexport { g } from './g.js';"), ['./d.js', './g.js']);
});

// What a start loads before its first frame costs every start its compile time and every
// session its memory: the YAML parser only when a config file needs parsing (config/parser.ts),
// the CLI parser and the clock library only when asked for (cli.ts, bar/luxon.ts).
test('running the window manager loads only the x11 package; yaml, yargs and luxon on demand', () => {
  assert.deepEqual([...packagesLoadedBy('app/boot.ts'), ...packagesLoadedBy('app/start.ts')].sort(), ['x11']);
  assert.deepEqual([...packagesLoadedBy('config/parse.ts')].sort(), ['yaml']);
});

// Required at start it cost ~2 ms of the way to the first frame (src/childprocess.ts).
test('node:child_process is loaded when Fion first starts a program, not imported', () => {
  const importing = files.filter((f) => valueImportsOf(readFileSync(f, 'utf8')).includes('node:child_process')).map(rel);
  assert.deepEqual(importing, []);
});

// The model's import structure: a core of primitives (src/model/core/) that every
// operation file builds on, operation files that never import each other, and no import
// cycle anywhere (type-only imports count). Read from the source tree, not dist/, so type
// imports that compile away are still seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The folder holding package.json, above wherever this test runs from (dist/test/model/). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('no package.json above the test');
    dir = up;
  }
  return dir;
}

const MODEL = join(repoRoot(), 'src', 'model');

/** Every .ts file under src/model, as a path relative to it with '/' separators. */
function modelFiles(dir = MODEL): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modelFiles(path);
    return name.endsWith('.ts') ? [relative(MODEL, path).split(sep).join('/')] : [];
  });
}

/** The model files `file` imports or re-exports from (type-only and dynamic imports included). */
function modelImports(file: string): string[] {
  const text = readFileSync(join(MODEL, file), 'utf8');
  const specs = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
  return specs.flatMap((spec) => {
    if (!spec.startsWith('.')) return [];
    const target = posix.normalize(posix.join(posix.dirname(file), spec)).replace(/\.js$/, '.ts');
    return target.startsWith('../') ? [] : [target];
  });
}

/** Where a file may import from: the core and types.ts; the public surface (index.ts)
 *  from anything, since re-exporting everything is its job. */
function allowed(from: string, to: string): boolean {
  if (from === 'index.ts') return true;
  return to === 'types.ts' || to.startsWith('core/');
}

/** The cycles a depth-first walk meets (at least one if the graph has any), each as its
 *  files in import order with the first repeated at the end. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (f: string): void => {
    const at = stack.indexOf(f);
    if (at >= 0) {
      found.push([...stack.slice(at), f]);
      return;
    }
    if (done.has(f)) return;
    stack.push(f);
    for (const g of graph.get(f) ?? []) visit(g);
    stack.pop();
    done.add(f);
  };
  for (const f of [...graph.keys()].sort()) visit(f);
  return found;
}

const files = modelFiles();
const graph = new Map(files.map((f) => [f, modelImports(f)] as const));

test('imports: the model files and the core are where this test looks for them', () => {
  for (const f of ['types.ts', 'index.ts', 'tiles.ts', 'workspaces.ts', 'monitors.ts', 'floating.ts']) assert.ok(files.includes(f), f);
  assert.ok(files.some((f) => f.startsWith('core/')), 'no src/model/core/');
  // index.ts re-exports every operation file, so the reader must see its imports.
  assert.ok(graph.get('index.ts')!.includes('tiles.ts'));
  assert.ok(graph.get('tiles.ts')!.includes('types.ts'), 'type-only imports are read');
});

test('imports: model files import only the core and types.ts, never each other', () => {
  const bad = files.flatMap((f) => graph.get(f)!.filter((g) => !allowed(f, g)).map((g) => `${f} imports ${g}`));
  assert.deepEqual(bad, [], `only index.ts may import operation files:\n${bad.join('\n')}`);
  const intoIndex = files.filter((f) => graph.get(f)!.includes('index.ts'));
  assert.deepEqual(intoIndex, [], 'index.ts is the public surface: no model file imports it');
  assert.deepEqual(graph.get('types.ts'), [], 'types.ts imports no model file');
});

test('imports: no import cycle in src/model', () => {
  const found = cycles(graph).map((c) => c.join(' -> '));
  assert.deepEqual(found, [], `import cycles:\n${found.join('\n')}`);
});

test('imports: the cycle check finds cycles, type-only or not', () => {
  const g = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts', 'types.ts']],
    ['c.ts', ['a.ts']],
    ['types.ts', []],
    ['d.ts', ['d.ts']],
  ]);
  assert.deepEqual(cycles(g), [['a.ts', 'b.ts', 'c.ts', 'a.ts'], ['d.ts', 'd.ts']]);
  assert.deepEqual(cycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]])), []);
  const typeOnly = ts.preProcessFile("import type { Cycle } from './tiles.js';\nexport { x } from './core/step.js';\n", true, true);
  assert.deepEqual(typeOnly.importedFiles.map((f) => f.fileName), ['./tiles.js', './core/step.js']);
});

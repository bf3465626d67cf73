// `npm run bundle`: Fion as bundled JavaScript, dist/fion.cjs and its chunks dist/fion-*.cjs,
// for the packages (the .deb and npm's tarball). The dependencies (x11, luxon, yargs, yaml)
// are inlined, so an installed Fion needs neither a node_modules tree nor tsc's one-file-per-module dist/src.
// bin/fion runs dist/src/cli.js when there is one (a checkout), else dist/fion.cjs.
// FreeType (@julusian/freetype2) is native code and stays out: the bundle loads it at run
// time from node_modules (npm) or as freetype2.node beside itself (the .deb), see faces.ts.
//
// esbuild does the bundling: one self-contained binary with no dependencies of its own,
// it understands TypeScript and ESM/CommonJS mixes (x11 is CommonJS, yargs ESM), and it
// is pinned in package.json so every build of a version gives the same file.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Pkg { name: string; version: string; license?: string; licenses?: { type: string }[] }
const readPkg = (dir: string): Pkg => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Pkg;

/** The licence of every package the bundle holds code of (dist/fion-licenses.txt): the
 *  packages redistribute that code, and each licence asks for its text to go with it. */
function licences(meta: Metafile): string {
  const dirs = new Set<string>();
  for (const input of Object.keys(meta.inputs)) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m !== null) dirs.add(m[1]!);
  }
  return [...dirs].sort().map((dir) => {
    const p = readPkg(join(root, dir));
    const licence = p.license ?? p.licenses?.map((l) => l.type).join(', ') ?? 'unknown';
    const file = readdirSync(join(root, dir)).find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = file === undefined ? `(${licence}; the package holds no licence file)` : readFileSync(join(root, dir, file), 'utf8').trim();
    return `${p.name} ${p.version} (${licence})\n\n${text}\n`;
  }).join('\n' + '-'.repeat(72) + '\n\n');
}

/** Parts of the x11 package that Fion never loads: its X server, its keysym names (Fion has
 *  a table of its own, src/x/keysymdef.ts) and the extensions Fion does not speak. x11
 *  requires each one only when asked for it, so a stub that says so keeps the bundle whole
 *  and spares every start the parse of ~750 KB of JavaScript (most of x11's 990 KB). */
const X11_UNUSED = new RegExp('node_modules/x11/lib/(keysyms|gcfunction|shm-provider|xserver/.*|ext/(' +
  'apple-wm|composite|damage|dbe|dpms|dri3|fixes|glx|glxconstants|glxrender|present|record|res|screen-saver|shape|shm|sync|xinput|xtest|xv' +
  '))\\.js$');
/** x11 4.2.2 reads the server's visuals counting the ones read so far with Object.keys at each:
 *  quadratic, and a server has hundreds (Xvfb 390, Xorg with GLX as many). That cost 10-15 ms
 *  of every connection. The patch counts down instead; the build fails if the code changed. */
const VISUALS_LOOP = `         visuals[visual.vid] = visual;
         if (Object.keys(visuals).length == n_visuals)
             cb()
         else
             readVisuals(bl, visuals, n_visuals, cb);`;
const VISUALS_PATCHED = `         visuals[visual.vid] = visual;
         readVisuals(bl, visuals, n_visuals - 1, cb);`;
/** x11's output buffer reads its clock through `performance`, whose first touch loads Node's
 *  perf_hooks (eleven modules: ~1.5 ms of every start under bin/fion's V8 flags, which keep
 *  Node from using the code it caches for its own modules). process.hrtime is the same
 *  monotonic clock; the build fails if the code changed. */
const MONOTONIC = `const monotonic = (typeof performance === 'object' && performance !== null &&
                   typeof performance.now === 'function')
    ? () => performance.now()
    : () => Date.now();`;
const MONOTONIC_PATCHED = `const monotonic = () => { const t = process.hrtime(); return t[0] * 1e3 + t[1] / 1e6; };`;
/** Replaces `from` in the file at `path`, which must hold it. */
function patched(path: string, from: string, to: string): { contents: string; loader: 'js' } {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${path}: the code to patch is not there (x11 changed): see scripts/bundle.ts`);
  return { contents: text.replace(from, to), loader: 'js' };
}
const x11Trim: Plugin = {
  name: 'x11-trim',
  setup(b) {
    b.onLoad({ filter: X11_UNUSED }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path.replace(/^.*node_modules\//, '')} is not in Fion's bundle`)});`,
      loader: 'js',
    }));
    b.onLoad({ filter: /node_modules\/x11\/lib\/handshake\.js$/ }, (args) => patched(args.path, VISUALS_LOOP, VISUALS_PATCHED));
    b.onLoad({ filter: /node_modules\/x11\/lib\/framebuffer\.js$/ }, (args) => patched(args.path, MONOTONIC, MONOTONIC_PATCHED));
  },
};

/** The bundle's files: the entries fion.cjs and fion-parse.cjs, and their chunks. */
const BUNDLE_FILE = /^fion(-.*)?\.cjs$/;

/** `a, b as c` of an import or export list, as [local, exported] pairs. `x as "module.exports"`
 *  (yargs: what require() of the ES module would return) is left out: no chunk asks for it. */
function names(list: string): [string, string][] {
  return list.split(',').map((n) => n.trim()).filter((n) => n !== '' && !/\sas\s+"module\.exports"$/.test(n)).map((n) => {
    const m = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(n);
    if (m === null) throw new Error(`an import or export "${n}" the bundle cannot turn into CommonJS`);
    return [m[1]!, m[2] ?? m[1]!];
  });
}

/**
 * One chunk of esbuild's ES module output as CommonJS. Node runs CommonJS without its ES
 * module loader: measured on the bundle, ~1 MiB less idle and 10-30 ms sooner to own the
 * root. esbuild splits only ES modules, and its output has one shape: named imports and
 * bare imports at the top, one export list at the end, chunks that import each other without
 * cycles. Each import becomes a require() whose names are taken once (a call between chunks
 * stays a plain call, not a getter's), each chunk loaded on demand (`import("./fion-x.cjs")`)
 * a require() in a promise, import.meta.url the file's URL. Names are copied, not bound: an
 * exported variable that its chunk assigns again would go stale in the others, so the build
 * refuses it (export a function that reads it instead).
 */
export function commonJs(file: string, text: string): string {
  let code = text;
  code = code.replace(/^import\s*\{([^}]*)\}\s*from\s*"([^"]+)";/gm, (_, list: string, from: string) =>
    `const { ${names(list).map(([theirs, ours]) => (theirs === ours ? ours : `${theirs}: ${ours}`)).join(', ')} } = require(${JSON.stringify(from)});`);
  code = code.replace(/^import\s+\*\s+as\s+([\w$]+)\s+from\s*"([^"]+)";/gm, 'const $1 = require("$2");');
  code = code.replace(/^import\s+([\w$]+)\s+from\s*"(node:[^"]+)";/gm, 'const $1 = require("$2");');
  code = code.replace(/^import\s*"([^"]+)";/gm, 'require("$1");');
  const exported: string[] = [];
  code = code.replace(/^export\s*\{([^}]*)\};/gm, (_, list: string) => {
    const pairs = names(list);
    exported.push(...pairs.map(([local]) => local));
    return `module.exports = { ${pairs.map(([local, name]) => (local === name ? name : `${name}: ${local}`)).join(', ')} };`;
  });
  for (const local of exported) {
    const name = local.replace(/\$/g, '\\$');
    const assigned = new RegExp(`(^|[^.\\w$])(${name}\\s*(=(?![=>])|[-+*/%&|^]=)|${name}(\\+\\+|--)|(\\+\\+|--)${name}(?![\\w$]))`, 'gm');
    const declared = new RegExp(`\\b(var|let|const)\\s+${name}\\s*=`, 'g');
    if ((code.match(assigned)?.length ?? 0) > (code.match(declared)?.length ?? 0)) {
      throw new Error(`${file}: the exported ${local} is assigned again; other chunks would keep its first value: see scripts/bundle.ts`);
    }
  }
  code = code.replace(/\bimport\(("\.\/fion-[\w-]+\.cjs")\)/g, 'Promise.resolve().then(() => require($1))');
  const url = code.includes('import.meta.url');
  code = code.replace(/\bimport\.meta\.url\b/g, 'fionModuleUrl');
  // yargs resolves a config's `extends` (a feature Fion's command line does not use) so.
  code = code.replace(/\bimport\.meta\.resolve\(/g, 'require.resolve(');
  // What is left to load in another way would load the ES module loader after all.
  const left = /^\s*(import|export)\b.*|\bimport\(.*|\bimport\.meta\b.*/m.exec(code);
  if (left !== null) throw new Error(`${file}: "${left[0].slice(0, 80)}" is left after turning it into CommonJS: see scripts/bundle.ts`);
  // An ES module is strict mode code; so stays its CommonJS.
  return `"use strict";\n${url ? 'const fionModuleUrl = require("node:url").pathToFileURL(__filename).href;\n' : ''}${code}`;
}

/** Builds dist/fion.cjs and its chunks (dist/fion-*.cjs) in `outdir`; returns the entry's path. */
export async function bundle(outdir = `${root}dist`): Promise<string> {
  const pkg = readPkg(root);
  // Chunks have a hash in their names: those of an earlier build would pile up.
  mkdirSync(outdir, { recursive: true });
  for (const f of readdirSync(outdir)) if (/^fion(-.*)?\.[cm]js$/.test(f)) rmSync(join(outdir, f));
  const result = await build({
    absWorkingDir: root,
    // fion-parse: a config file's parser, required by name when a file needs parsing
    // (src/config/parser.ts).
    entryPoints: { fion: 'src/cli.ts', 'fion-parse': 'src/config/parse.ts' },
    outdir,
    // One chunk per dynamic import (and one per code they share): the start-up imports only
    // what takes over the root (src/app/boot.ts) before the rest, and the run path never
    // parses the CLI parser (yargs) or `fion msg`. One 2.3 MB file cost ~75 ms of
    // compiling before Fion could own the root. Beside fion.cjs, so import.meta.url's folder
    // is the same in every chunk.
    splitting: true,
    entryNames: '[name]',
    chunkNames: 'fion-[name]-[hash]',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    // Not minified: stack traces in the log keep their names and lines.
    minify: false,
    legalComments: 'eof',
    logLevel: 'warning',
    metafile: true,
    plugins: [x11Trim],
    define: { FION_BUNDLED_VERSION: JSON.stringify(pkg.version) },
  });
  for (const f of readdirSync(outdir)) {
    if (BUNDLE_FILE.test(f)) writeFileSync(join(outdir, f), commonJs(f, readFileSync(join(outdir, f), 'utf8')));
  }
  // esbuild escapes what is not ASCII in strings, but keeps comments as written: one dash in a
  // comment made V8 hold the whole chunk's source as two bytes a character, for as long as
  // Fion runs (1 MiB more, idle). Outside strings only comments can hold such characters.
  for (const f of readdirSync(outdir)) {
    if (!BUNDLE_FILE.test(f)) continue;
    const lines = readFileSync(join(outdir, f), 'utf8').split('\n');
    let changed = false;
    lines.forEach((line, i) => {
      const at = line.search(/[^\x00-\x7f]/u);
      if (at < 0) return;
      const comment = /^\s*(\/\/|\/?\*)/.test(line) || (line.indexOf('//') >= 0 && line.indexOf('//') < at);
      // A regular expression literal keeps its characters (esbuild leaves them): write \\u escapes in src/.
      if (!comment) throw new Error(`${f}:${i + 1}: a character outside ASCII outside a comment: write it as a \\u escape`);
      lines[i] = line.replace(/[^\x00-\x7f]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
      changed = true;
    });
    if (changed) writeFileSync(join(outdir, f), lines.join('\n'));
  }
  writeFileSync(join(outdir, 'fion-licenses.txt'),
    `Fion's bundle (fion.cjs and its chunks fion-*.cjs) holds code of these packages, under these licences:\n\n${licences(result.metafile)}`);
  return join(outdir, 'fion.cjs');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await bundle(process.argv[2]);
  const dir = join(out, '..');
  const files = readdirSync(dir).filter((f) => BUNDLE_FILE.test(f));
  const kib = files.reduce((a, f) => a + statSync(join(dir, f)).size, 0) / 1024;
  process.stdout.write(`${out}: ${files.length} files, ${Math.round(kib)} KiB\n`);
}

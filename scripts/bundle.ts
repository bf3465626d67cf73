// `npm run bundle`: Fion as bundled JavaScript, dist/fion.mjs and its chunks dist/fion-*.mjs,
// for the packages (the .deb and npm's tarball). The dependencies (x11, luxon, yargs, yaml)
// are inlined, so an installed Fion needs neither a node_modules tree nor tsc's one-file-per-module dist/src.
// bin/fion runs dist/src/cli.js when there is one (a checkout), else dist/fion.mjs.
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
const x11Trim: Plugin = {
  name: 'x11-trim',
  setup(b) {
    b.onLoad({ filter: X11_UNUSED }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path.replace(/^.*node_modules\//, '')} is not in Fion's bundle`)});`,
      loader: 'js',
    }));
    b.onLoad({ filter: /node_modules\/x11\/lib\/handshake\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(VISUALS_LOOP)) throw new Error(`${args.path}: the visuals loop to patch is not there (x11 changed): see scripts/bundle.ts`);
      return { contents: text.replace(VISUALS_LOOP, VISUALS_PATCHED), loader: 'js' };
    });
  },
};

/** Builds dist/fion.mjs and its chunks (dist/fion-*.mjs) in `outdir`; returns the entry's path. */
export async function bundle(outdir = `${root}dist`): Promise<string> {
  const pkg = readPkg(root);
  // Chunks have a hash in their names: those of an earlier build would pile up.
  mkdirSync(outdir, { recursive: true });
  for (const f of readdirSync(outdir)) if (/^fion-.*\.mjs$/.test(f)) rmSync(join(outdir, f));
  const result = await build({
    absWorkingDir: root,
    // fion-parse: a config file's parser, required by name when a file needs parsing
    // (src/config/parser.ts).
    entryPoints: { fion: 'src/cli.ts', 'fion-parse': 'src/config/parse.ts' },
    outdir,
    // One chunk per dynamic import (and one per code they share): the start-up imports only
    // what takes over the root (src/app/boot.ts) before the rest, and the run path never
    // parses the CLI parser (yargs) or `fion msg`. One 2.3 MB file cost ~75 ms of
    // compiling before Fion could own the root. Beside fion.mjs, so import.meta.url's folder
    // is the same in every chunk.
    splitting: true,
    entryNames: '[name]',
    chunkNames: 'fion-[name]-[hash]',
    outExtension: { '.js': '.mjs' },
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
    // The CommonJS inside (x11) calls require() for Node's own modules; an ES module has none.
    banner: { js: "import { createRequire as fionCreateRequire } from 'node:module';\nconst require = fionCreateRequire(import.meta.url);" },
  });
  // esbuild escapes what is not ASCII in strings, but keeps comments as written: one dash in a
  // comment made V8 hold the whole chunk's source as two bytes a character, for as long as
  // Fion runs (1 MiB more, idle). Outside strings only comments can hold such characters.
  for (const f of readdirSync(outdir)) {
    if (!/^fion(-.*)?\.mjs$/.test(f)) continue;
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
    `Fion's bundle (fion.mjs and its chunks fion-*.mjs) holds code of these packages, under these licences:\n\n${licences(result.metafile)}`);
  return join(outdir, 'fion.mjs');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await bundle(process.argv[2]);
  const dir = join(out, '..');
  const files = readdirSync(dir).filter((f) => /^fion(-.*)?\.mjs$/.test(f));
  const kib = files.reduce((a, f) => a + statSync(join(dir, f)).size, 0) / 1024;
  process.stdout.write(`${out}: ${files.length} files, ${Math.round(kib)} KiB\n`);
}

// `npm run bundle`: Fion as one JavaScript file, dist/fion.mjs, for the packages (the .deb
// and npm's tarball). The dependencies (x11, luxon, yargs, yaml) are inlined, so an
// installed Fion needs neither a node_modules tree nor tsc's one-file-per-module dist/src.
// bin/fion runs dist/src/cli.js when there is one (a checkout), else dist/fion.mjs.
// FreeType (@julusian/freetype2) is native code and stays out: the bundle loads it at run
// time from node_modules (npm) or as freetype2.node beside itself (the .deb), see faces.ts.
//
// esbuild does the bundling: one self-contained binary with no dependencies of its own,
// it understands TypeScript and ESM/CommonJS mixes (x11 is CommonJS, yargs ESM), and it
// is pinned in package.json so every build of a version gives the same file.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

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

export async function bundle(outfile = `${root}dist/fion.mjs`): Promise<string> {
  const pkg = readPkg(root);
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    // Not minified: stack traces in the log keep their names and lines.
    minify: false,
    legalComments: 'eof',
    logLevel: 'warning',
    metafile: true,
    define: { FION_BUNDLED_VERSION: JSON.stringify(pkg.version) },
    // The CommonJS inside (x11) calls require() for Node's own modules; an ES module has none.
    banner: { js: "import { createRequire as fionCreateRequire } from 'node:module';\nconst require = fionCreateRequire(import.meta.url);" },
  });
  writeFileSync(join(outfile, '..', 'fion-licenses.txt'),
    `Fion's bundle (${outfile.slice(outfile.lastIndexOf('/') + 1)}) holds code of these packages, under these licences:\n\n${licences(result.metafile)}`);
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await bundle(process.argv[2]);
  process.stdout.write(`${out}: ${Math.round(statSync(out).size / 1024)} KiB\n`);
}

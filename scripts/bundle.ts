// `npm run bundle`: Fion as one JavaScript file, dist/fion.mjs, for the packages (the .deb
// and npm's tarball). The dependencies (x11, luxon, yargs, yaml) are inlined, so an
// installed Fion needs neither a node_modules tree nor tsc's one-file-per-module dist/src.
// bin/fion runs dist/src/cli.js when there is one (a checkout), else dist/fion.mjs.
//
// esbuild does the bundling: one self-contained binary with no dependencies of its own,
// it understands TypeScript and ESM/CommonJS mixes (x11 is CommonJS, yargs ESM), and it
// is pinned in package.json so every build of a version gives the same file.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

export async function bundle(outfile = `${root}dist/fion.mjs`): Promise<string> {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };
  await build({
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
    define: { FION_BUNDLED_VERSION: JSON.stringify(pkg.version) },
    // The CommonJS inside (x11) calls require() for Node's own modules; an ES module has none.
    banner: { js: "import { createRequire as fionCreateRequire } from 'node:module';\nconst require = fionCreateRequire(import.meta.url);" },
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await bundle(process.argv[2]);
  process.stdout.write(`${out}: ${Math.round(statSync(out).size / 1024)} KiB\n`);
}

// V8's code cache for the bundle's chunks (dist/fion-*.cjs): what V8 compiled of a chunk in
// one run, saved to $XDG_CACHE_HOME/fion/v8/ (else ~/.cache/fion/v8/) and handed back to it
// in the next, so a start deserialises code instead of compiling it. Measured on the bundle:
// the first frame 25-30 ms sooner (~145 -> ~118 ms after exec, `node -e 0` ~62 ms).
//
// Node 20 has no compile cache of its own for CommonJS (22's module.enableCompileCache is
// used when there is one), so the bundle's chunks are compiled here, as Node's loader would,
// but through vm.Script with its cachedData. The cache is written once a run has compiled
// what a start needs (at its first frame, or at exit if sooner) and only when a chunk had
// none that V8 accepted. V8 checks every cache against the source, its own version and flags; one
// it rejects (another Node, garbage) costs the plain compile, nothing else. Not the
// v8-compile-cache package: it keeps only what is compiled before a chunk runs (its
// top-level code; the functions compiled lazily as Fion starts are most of the gain) and
// writes at exit, which a window manager seldom reaches.
import Module from 'node:module';
import { Script } from 'node:vm';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from './log.js';
import { fionVersion } from './version.js';
import { xdgHome } from './persist/xdg.js';
import { writeFileWhole } from './persist/writefile.js';

/** A chunk of the bundle (scripts/bundle.ts), not the entry fion.cjs that Node loads itself. */
const CHUNK = /^fion-[\w-]+\.cjs$/;

/** Where this Fion and this Node keep their cache: a new version of either starts afresh. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(xdgHome('XDG_CACHE_HOME', env), 'fion', 'v8', `${fionVersion()}-node${process.version}-${process.arch}`);
}

interface Loaded { readonly name: string; readonly script: Script; readonly cached: boolean }
interface CjsModule { exports: unknown; _compile(content: string, filename: string): unknown }
type Wrapper = (exports: unknown, require: NodeJS.Require, module: CjsModule, filename: string, dirname: string) => void;

const loaded: Loaded[] = [];
/** Set while the cache is in use and not yet written. */
let save: (() => void) | null = null;

/**
 * Compiles the bundle's chunks with the cache in `dir` from now on; call it before the first
 * chunk loads. Only the files beside this one (the bundle's own) are touched.
 */
export function useCodeCache(dir = codeCacheDir()): void {
  const builtIn = (Module as unknown as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  if (typeof builtIn === 'function') {
    builtIn(dir);
    return;
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const proto = (Module as unknown as { prototype: CjsModule }).prototype;
  const compile = proto._compile;
  proto._compile = function (content: string, filename: string): unknown {
    const name = basename(filename);
    if (!CHUNK.test(name) || dirname(filename) !== here) return compile.call(this, content, filename);
    let cachedData: Buffer | undefined;
    try { cachedData = readFileSync(join(dir, `${name}.v8`)); } catch { /* none yet */ }
    const script = new Script(Module.wrap(content), { filename, ...(cachedData === undefined ? {} : { cachedData }) });
    const cached = cachedData !== undefined && script.cachedDataRejected !== true;
    if (cachedData !== undefined && !cached) log.debug(`code cache of ${name}: rejected by V8 (another Node, other flags, or damaged); compiled anew`);
    loaded.push({ name, script, cached });
    const run = script.runInThisContext() as Wrapper;
    run.call(this.exports, this.exports, Module.createRequire(filename), this, filename, here);
    return undefined;
  };
  save = () => writeCodeCache(here, dir);
  process.once('exit', () => saveCodeCache());
}

/** At the first frame, when what a start runs is compiled: writes the cache of every chunk
 *  that had none V8 accepted, once per run. Nothing when no cache is in use. */
export function saveCodeCache(): void {
  const s = save;
  save = null;
  s?.();
}

/** The writing, and the removal of the files of chunks no longer beside the entry and the
 *  folders of other versions. */
function writeCodeCache(here: string, dir: string): void {
  const fromCache = loaded.filter((l) => l.cached).length;
  if (fromCache === loaded.length) {
    log.debug(`code cache: all ${loaded.length} chunks came from ${dir}`);
    return;
  }
  try {
    let bytes = 0;
    let n = 0;
    for (const l of loaded) {
      if (l.cached) continue;
      const data = l.script.createCachedData();
      // Whole or not at all: another Fion (another display) may be reading it.
      writeFileWhole(join(dir, `${l.name}.v8`), data);
      bytes += data.length;
      n++;
    }
    const chunks = new Set(readdirSync(here).filter((f) => CHUNK.test(f)));
    // Another Fion's file being written (name.v8.PID.tmp) is not touched.
    for (const f of readdirSync(dir)) if (f.endsWith('.v8') && !chunks.has(f.slice(0, -3))) rmSync(join(dir, f), { force: true });
    const parent = dirname(dir);
    for (const f of readdirSync(parent)) if (f !== basename(dir)) rmSync(join(parent, f), { recursive: true, force: true });
    log.debug(`code cache: ${fromCache} of ${loaded.length} chunks came from it; ${n} saved (${Math.round(bytes / 1024)} KiB) in ${dir}`);
    // The scripts are needed no longer; their code lives on in the chunks' functions.
    loaded.length = 0;
  } catch (e) {
    log.debug(`code cache not saved in ${dir}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

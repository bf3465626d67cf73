// parse.ts (a config file's text to a Config) holds the YAML parser: ~250 KB of JavaScript
// to compile and keep. It is loaded the first time a file needs parsing, so a start with no
// config file but the unedited shipped one (its snapshot, shipped.ts) goes without it.
// Synchronously (require of an ES module, Node >= 20.19): loading a config, at start or on
// `reload`, stays one call that answers at once.
import { createRequire } from 'node:module';
import { inBundle } from '../version.js';

type Parse = typeof import('./parse.js');
let parse: Parse | null = null;

/** parse.ts, loaded on first use. In the bundle it is its own entry, fion-parse.cjs, beside
 *  the chunk that holds this code (scripts/bundle.ts). */
export function configParser(): Parse {
  parse ??= createRequire(import.meta.url)(inBundle ? './fion-parse.cjs' : './parse.js') as Parse;
  return parse;
}

/** Whether a config file has been parsed in this process. */
export function configParserLoaded(): boolean {
  return parse !== null;
}

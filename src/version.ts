// Fion's version, from its package.json; and whether this code runs from the bundle.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Replaced by the version (esbuild's define) in the single-file bundle that scripts/bundle.ts
// builds for the packages, which have no package.json beside it; never defined in tsc's dist/.
declare const FION_BUNDLED_VERSION: string | undefined;

/** true in the bundle (dist/fion.cjs and its chunks), false in tsc's dist/src (one file per module). */
export const inBundle = typeof FION_BUNDLED_VERSION === 'string';

export function fionVersion(): string {
  if (typeof FION_BUNDLED_VERSION === 'string') return FION_BUNDLED_VERSION;
  try {
    const pkg: unknown = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'));
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
  } catch { /* fall through */ }
  return 'unknown';
}

// Fion's version, from its package.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function fionVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'));
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
  } catch { /* fall through */ }
  return 'unknown';
}

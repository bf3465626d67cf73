// Where configuration files live.

import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { xdgHome } from '../persist/xdg.js';

const SHIPPED = join('config', 'fion.yaml');

/**
 * The shipped config/fion.yaml, found by walking up from this module: it sits at
 * the package root, three levels above dist/src/config/ (built or installed) and
 * two above src/config/.
 */
export function defaultConfigPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  let dir = here;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, SHIPPED);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return join(here, '..', '..', '..', SHIPPED);
}

/** $XDG_CONFIG_HOME/fion/config.yaml (when set and absolute), else ~/.config/fion/config.yaml. */
export function userConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(xdgHome('XDG_CONFIG_HOME', env), 'fion', 'config.yaml');
}

/**
 * The system's config files, most important first: fion/config.yaml in each absolute
 * directory of $XDG_CONFIG_DIRS, else in /etc/xdg (the .deb installs the shipped config
 * there, for the administrator to edit).
 */
export function systemConfigPaths(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs = (env['XDG_CONFIG_DIRS'] ?? '').split(':').filter((d) => d !== '' && isAbsolute(d));
  return [...new Set(dirs.length > 0 ? dirs : ['/etc/xdg'])].map((d) => join(d, 'fion', 'config.yaml'));
}

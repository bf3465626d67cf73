// The XDG base directories (XDG Base Directory Specification): the variable when it is set
// to an absolute path, else its default under the home folder ($HOME, else the account's).
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

const DEFAULTS = {
  XDG_CONFIG_HOME: ['.config'],
  XDG_STATE_HOME: ['.local', 'state'],
  XDG_CACHE_HOME: ['.cache'],
  XDG_DATA_HOME: ['.local', 'share'],
} as const;
export type XdgHome = keyof typeof DEFAULTS;

export function xdgHome(name: XdgHome, env: NodeJS.ProcessEnv = process.env): string {
  const v = env[name];
  if (v !== undefined && v !== '' && isAbsolute(v)) return v;
  return join(homeFolder(env), ...DEFAULTS[name]);
}

export const homeFolder = (env: NodeJS.ProcessEnv = process.env): string => (env.HOME !== undefined && env.HOME !== '' ? env.HOME : homedir());

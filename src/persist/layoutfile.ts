// Saved layouts on disk: the I/O behind `layout save FILE` and `layout load FILE`.
// Errors are returned as text for the bar and the control socket, never thrown.
import { writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { parseSavedLayout, type SavedLayout } from '../model/index.js';
import { readFileCapped } from './readfile.js';

/** A layout file bigger than this is refused unread. */
export const MAX_LAYOUT_BYTES = 1024 * 1024;

/** `~/x` is in the home folder; other relative paths are relative to Fion's working folder. */
export function layoutPath(path: string): string {
  return path === '~' || path.startsWith('~/') ? resolve(homedir(), path.slice(2)) : resolve(path);
}

export function writeLayoutFile(path: string, layout: SavedLayout): string | null {
  try {
    writeFileSync(layoutPath(path), `${JSON.stringify(layout, null, 2)}\n`);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export function readLayoutFile(path: string): { ok: true; layout: SavedLayout } | { ok: false; error: string } {
  const read = readFileCapped(layoutPath(path), MAX_LAYOUT_BYTES);
  switch (read.kind) {
    case 'text':
      break;
    case 'refused':
      return { ok: false, error: `${path}: ${read.message}` };
    default:
      return { ok: false, error: read.message };
  }
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch (e) {
    return { ok: false, error: `${path}: bad JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const r = parseSavedLayout(value);
  return r.ok ? r : { ok: false, error: `${path}: ${r.error}` };
}

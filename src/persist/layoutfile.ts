// Saved layouts on disk: the I/O behind `layout save FILE` and `layout load FILE`.
// Errors are returned as text for the bar and the control socket, never thrown.
import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { parseSavedLayout, type SavedLayout } from '../model/index.js';

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
  let text: string;
  let fd: number | null = null;
  try {
    fd = openSync(layoutPath(path), 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_LAYOUT_BYTES) return { ok: false, error: `${path}: larger than ${MAX_LAYOUT_BYTES} bytes` };
    const buf = Buffer.alloc(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    text = buf.subarray(0, got).toString('utf8');
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  } finally {
    if (fd !== null) closeSync(fd);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${path}: bad JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const r = parseSavedLayout(value);
  return r.ok ? r : { ok: false, error: `${path}: ${r.error}` };
}

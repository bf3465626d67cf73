// The state file a restart leaves for the next Fion: the model, the display it
// belongs to and when it was written. Private to the user (0600 in a 0700
// directory), written whole or not at all (temp file + rename). A file that
// cannot be used is renamed aside for inspection, never deleted silently.
import { renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { modelFromJson, modelJsonText, type Model } from '../model/index.js';
import { writeFileWhole } from './writefile.js';
import { readFileCapped, type FileRead } from './readfile.js';

const FORMAT = 'fion-state';
const VERSION = 1;
/** Older than this, a state file is left over from another run, not from a restart. */
export const MAX_STATE_AGE_MS = 5 * 60_000;
const MAX_STATE_BYTES = 16 * 1024 * 1024;

/** `$XDG_RUNTIME_DIR/fion/<display>.state.json`, else `/tmp/fion-<uid>/<display>.state.json`. */
export function stateFilePath(display: string, env: NodeJS.ProcessEnv = process.env): string {
  const runtime = env.XDG_RUNTIME_DIR;
  const dir = runtime !== undefined && runtime !== '' ? join(runtime, 'fion') : `/tmp/fion-${process.getuid?.() ?? 'user'}`;
  // ":1", "host:0.0": nothing in a display name may leave the directory.
  return join(dir, `${display.replace(/[^A-Za-z0-9:._-]/g, '_')}.state.json`);
}

export function writeStateFile(path: string, model: Model, display: string, now = Date.now()): void {
  const head = JSON.stringify({ format: FORMAT, version: VERSION, display, savedAt: now });
  writeFileWhole(path, `${head.slice(0, -1)},"model":${modelJsonText(model)}}`);
}

export type StateRead =
  | { readonly kind: 'none' }
  /** undoDropped: the undo history was unusable (why), and the model comes without it. */
  | { readonly kind: 'ok'; readonly model: Model; readonly savedAt: number; readonly undoDropped?: string }
  | { readonly kind: 'rejected'; readonly why: string; readonly keptAs: string | null };

type Usable = { model: Model; savedAt: number; undoDropped?: string };

function check(text: string, display: string, now: number): Usable | string {
  let v: unknown;
  try { v = JSON.parse(text); } catch (e) { return `not JSON (${e instanceof Error ? e.message : String(e)})`; }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not a Fion state file';
  const o = v as Record<string, unknown>;
  if (o.format !== FORMAT) return 'not a Fion state file';
  if (o.version !== VERSION) return `state format ${String(o.version)}, this Fion reads ${VERSION}`;
  if (o.display !== display) return `written for display ${String(o.display)}`;
  if (typeof o.savedAt !== 'number' || !Number.isFinite(o.savedAt)) return 'no time of writing';
  const age = now - o.savedAt;
  if (age > MAX_STATE_AGE_MS || age < -60_000) return `stale: written ${Math.round(age / 1000)} s ago`;
  const m = modelFromJson(o.model);
  if (!m.ok) return m.error;
  return m.undoDropped === undefined ? { model: m.model, savedAt: o.savedAt } : { model: m.model, savedAt: o.savedAt, undoDropped: m.undoDropped };
}

/** The state in what was read, or why it cannot be used. */
function usable(read: FileRead, display: string, now: number): Usable | string {
  if (read.kind !== 'text') return `unreadable (${read.message})`;
  try {
    return check(read.text, display, now);
  } catch (e) {
    return `unreadable (${e instanceof Error ? e.message : String(e)})`;
  }
}

/**
 * Read the state a restart left for `display`. A file that is garbage, for another
 * display, or stale is renamed to `<path>.rejected` (replacing an older one) and
 * reported. A usable one stays until the caller has started with it (removeStateFile):
 * if that start fails, a plain start can still find it for inspection.
 */
export function readStateFile(path: string, display: string, now = Date.now()): StateRead {
  const read = readFileCapped(path, MAX_STATE_BYTES);
  if (read.kind === 'missing') return { kind: 'none' };
  const state = usable(read, display, now);
  if (typeof state !== 'string') return { kind: 'ok', ...state };
  const why = state;
  const keptAs = `${path}.rejected`;
  try {
    renameSync(path, keptAs);
    return { kind: 'rejected', why, keptAs };
  } catch {
    return { kind: 'rejected', why, keptAs: null };
  }
}

/** The state served its one restart. */
export function removeStateFile(path: string): void {
  try { unlinkSync(path); } catch { /* gone already: fine */ }
}

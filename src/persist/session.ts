// The session file, $XDG_STATE_HOME/fion/session.json: every workspace's tiles with the
// windows they held (class and instance) and how to start each again (a recipe). Written
// whole or not at all (temp file, then rename); read as untrusted input (anyone may have
// edited it): anything off is an error value naming where, never a throw.
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import {
  isRecord, parseSavedTree, readTabMatch, type Model, type Node, type Recipe, type SavedNode, type SessionTab, type SessionWorkspace, type WindowId,
} from '../model/index.js';
import { readFileCapped } from './readfile.js';
import { writeFileWhole } from './writefile.js';
import { xdgHome } from './xdg.js';

export interface SessionFile {
  readonly fion_session: 1;
  /** When it was written, ms since the epoch. */
  readonly savedAt: number;
  readonly workspaces: readonly SessionWorkspace[];
}

const MAX_SESSION_BYTES = 4 * 1024 * 1024;
export const SESSION_LIMITS = { workspaces: 64, argv: 256, word: 4096 } as const;

export function sessionFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(xdgHome('XDG_STATE_HOME', env), 'fion', 'session.json');
}

/** The session of `model`: each workspace's tree, each window described with its recipe
 *  (none when it has none). Floats are saved as tabs of their workspace's focused tile. */
export function sessionOf(model: Model, recipeOf: (w: WindowId) => Recipe | null, now = Date.now()): SessionFile {
  const tab = (w: WindowId): SessionTab[] => {
    const c = model.clients.get(w);
    if (c === undefined || (c.class === '' && c.instance === '')) return [];
    const recipe = recipeOf(w);
    return [{ ...(c.class === '' ? {} : { class: c.class }), ...(c.instance === '' ? {} : { instance: c.instance }), ...(recipe === null ? {} : { recipe }) }];
  };
  const workspaces = model.workspaces.map((ws): SessionWorkspace => {
    const node = (n: Node): SavedNode<SessionTab> => n.kind === 'tile'
      ? { kind: 'tile', tabs: [...n.tabs.flatMap(tab), ...(n.id === ws.focus ? (ws.floating ?? []).flatMap(tab) : []), ...(n.waiting ?? []).map(({ startupId: _s, pid: _p, ...m }) => m)] }
      : { kind: 'split', axis: n.axis, ratios: [...n.ratios], children: n.children.map(node) };
    return { name: ws.name, root: node(ws.root) };
  });
  return { fion_session: 1, savedAt: now, workspaces };
}

function readRecipe(v: unknown, where: string): Recipe | string {
  if (!isRecord(v)) return `${where}: expected an object with argv`;
  const argv = v.argv;
  if (!Array.isArray(argv) || argv.length === 0 || argv.length > SESSION_LIMITS.argv) return `${where}.argv: expected a list of 1 to ${SESSION_LIMITS.argv} words`;
  for (const [i, a] of argv.entries()) {
    if (typeof a !== 'string' || a.length > SESSION_LIMITS.word || a.includes('\0') || (i === 0 && a === '')) return `${where}.argv[${i}]: expected a word`;
  }
  if (v.cwd !== undefined && (typeof v.cwd !== 'string' || !v.cwd.startsWith('/') || v.cwd.includes('\0') || v.cwd.length > SESSION_LIMITS.word)) {
    return `${where}.cwd: expected an absolute path`;
  }
  return { argv: argv as string[], ...(typeof v.cwd === 'string' ? { cwd: v.cwd } : {}) };
}

function readSessionTab(t: unknown, where: string): SessionTab | string {
  const m = readTabMatch(t, where);
  if (typeof m === 'string' || !isRecord(t) || t.recipe === undefined) return m;
  const recipe = readRecipe(t.recipe, `${where}.recipe`);
  return typeof recipe === 'string' ? recipe : { ...m, recipe };
}

/** Validate parsed JSON as a session: the session, or a message naming the first problem. */
export function parseSession(value: unknown): { ok: true; session: SessionFile } | { ok: false; error: string } {
  if (!isRecord(value) || value.fion_session !== 1) return { ok: false, error: 'not a Fion session (expected "fion_session": 1)' };
  const savedAt = typeof value.savedAt === 'number' && Number.isFinite(value.savedAt) ? value.savedAt : 0;
  const list = value.workspaces;
  if (!Array.isArray(list) || list.length > SESSION_LIMITS.workspaces) return { ok: false, error: `workspaces: expected a list of at most ${SESSION_LIMITS.workspaces}` };
  const names = new Set<string>();
  const workspaces: SessionWorkspace[] = [];
  for (const [i, w] of list.entries()) {
    const where = `workspaces[${i}]`;
    if (!isRecord(w) || typeof w.name !== 'string' || w.name === '' || w.name.length > 256) return { ok: false, error: `${where}.name: expected a name` };
    if (names.has(w.name)) return { ok: false, error: `${where}.name: "${w.name}" comes twice` };
    names.add(w.name);
    const root = parseSavedTree(w.root, `${where}.root`, readSessionTab);
    if (typeof root === 'string') return { ok: false, error: root };
    workspaces.push({ name: w.name, root });
  }
  return { ok: true, session: { fion_session: 1, savedAt, workspaces } };
}

/** Write the session (the folder made private if it is new); throws when it cannot. */
export function writeSessionFile(path: string, session: SessionFile): void {
  writeFileWhole(path, `${JSON.stringify(session, null, 1)}\n`);
}

export type SessionRead = { kind: 'none' } | { kind: 'ok'; session: SessionFile } | { kind: 'bad'; why: string };

export function readSessionFile(path: string): SessionRead {
  const read = readFileCapped(path, MAX_SESSION_BYTES);
  if (read.kind === 'missing') return { kind: 'none' };
  if (read.kind !== 'text') return { kind: 'bad', why: read.message };
  let v: unknown;
  try { v = JSON.parse(read.text); } catch (e) { return { kind: 'bad', why: `bad JSON: ${e instanceof Error ? e.message : String(e)}` }; }
  const r = parseSession(v);
  return r.ok ? { kind: 'ok', session: r.session } : { kind: 'bad', why: r.error };
}

/** `session forget`: no session to come back to. */
export function removeSessionFile(path: string): void {
  try { unlinkSync(path); } catch { /* none: fine */ }
}

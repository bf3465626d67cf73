// Pure: the events a render produces, found by comparing what the model (and the mode and
// config) were at the previous render with what they are now. Many changes in one turn of
// the event loop make at most one event of each kind per thing that changed.
import { focusedClient, shownTab, tiles } from '../model/index.js';
import type { Model, Node } from '../model/index.js';
import type { EventKind } from './protocol.js';
import { workspacesJson } from './tree.js';

export interface ConfigInfo {
  readonly path: string;
  readonly errors: readonly string[];
  /** How many times the config was read (start-up, then each reload, good or not). */
  readonly reads: number;
}

/** What events are derived from. */
export interface Snapshot {
  readonly model: Model;
  /** The active mode's name, 'default' in normal mode. */
  readonly mode: string;
  readonly config: ConfigInfo;
}

export interface IpcEvent {
  readonly kind: EventKind;
  readonly payload: { readonly [k: string]: unknown };
}

/** The tree's shape without its tabs: ids, axes, ratios. */
function shape(n: Node): string {
  return n.kind === 'tile' ? `t${n.id}` : `${n.axis}${n.id}(${n.children.map(shape).join(',')}|${n.ratios.map((r) => r.toFixed(6)).join(',')})`;
}

function tabsOf(n: Node): Map<number, string> {
  const out = new Map<number, string>();
  for (const t of tiles(n)) out.set(t.id, `${t.tabs.join(',')}|${shownTab(t) ?? ''}`);
  return out;
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Events for the change from `before` to `after`; `wants` spares kinds nobody listens to. */
export function deriveEvents(before: Snapshot, after: Snapshot, wants: (k: EventKind) => boolean = () => true): IpcEvent[] {
  const out: IpcEvent[] = [];
  const a = before.model;
  const b = after.model;

  if (wants('workspace') && (a.workspaces !== b.workspaces || a.monitors !== b.monitors || a.focusedMonitor !== b.focusedMonitor)) {
    const names = (m: Model): string[] => m.workspaces.map((w) => `${w.id}:${w.name}`);
    const shown = (m: Model): string[] => m.monitors.map((x) => String(x.workspace));
    const focusedWs = (m: Model): number | undefined => m.monitors[m.focusedMonitor]?.workspace;
    const change = !sameList(names(a), names(b)) ? 'list'
      : focusedWs(a) !== focusedWs(b) ? 'focus'
        : !sameList(shown(a), shown(b)) ? 'shown' : null;
    if (change !== null) {
      const list = workspacesJson(b);
      out.push({ kind: 'workspace', payload: { change, current: list.find((w) => w.focused) ?? null, workspaces: list } });
    }
  }

  if ((wants('tile') || wants('tab')) && a.workspaces !== b.workspaces) {
    const old = new Map(a.workspaces.map((w) => [w.id, w] as const));
    b.workspaces.forEach((ws, i) => {
      const prev = old.get(ws.id);
      if (prev === undefined || prev.root === ws.root && prev.focus === ws.focus) return;
      const where = { workspace: i + 1, name: ws.name };
      if (wants('tile')) {
        if (shape(prev.root) !== shape(ws.root)) out.push({ kind: 'tile', payload: { change: 'layout', ...where, focusedTile: ws.focus } });
        else if (prev.focus !== ws.focus) out.push({ kind: 'tile', payload: { change: 'focus', ...where, focusedTile: ws.focus } });
      }
      if (wants('tab') && prev.root !== ws.root) {
        const was = tabsOf(prev.root);
        for (const t of tiles(ws.root)) {
          const now = `${t.tabs.join(',')}|${shownTab(t) ?? ''}`;
          if (was.get(t.id) !== now) out.push({ kind: 'tab', payload: { ...where, tile: t.id, tabs: [...t.tabs], shown: shownTab(t) } });
        }
      }
    });
  }

  if (wants('focus')) {
    const fa = focusedClient(a);
    const fb = focusedClient(b);
    if (fa !== fb) {
      const c = fb === null ? undefined : b.clients.get(fb);
      out.push({ kind: 'focus', payload: { window: fb, title: c?.title ?? null, class: c?.class ?? null, previous: fa } });
    }
  }

  if (wants('title') && a.clients !== b.clients) {
    for (const [id, c] of b.clients) {
      const old = a.clients.get(id);
      if (old !== undefined && old.title !== c.title) out.push({ kind: 'title', payload: { window: id, title: c.title, class: c.class } });
    }
  }

  if (wants('mode') && before.mode !== after.mode) out.push({ kind: 'mode', payload: { mode: after.mode } });

  if (wants('monitor') && a.monitors !== b.monitors) {
    const sig = (m: Model): string[] => m.monitors.map((x) => `${x.name}@${x.screen}:${x.rect.x},${x.rect.y},${x.rect.width}x${x.rect.height}`);
    if (!sameList(sig(a), sig(b))) {
      out.push({ kind: 'monitor', payload: { monitors: b.monitors.map((m, index) => ({ index, name: m.name, screen: m.screen, rect: m.rect })) } });
    }
  }

  if (wants('config') && before.config.reads !== after.config.reads) {
    out.push({ kind: 'config', payload: { path: after.config.path, errors: after.config.errors } });
  }
  return out;
}

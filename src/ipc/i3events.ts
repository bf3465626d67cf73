// Pure: i3's events, found by comparing the i3 view of the model at the previous render
// with the view now. Many changes in one turn of the event loop make at most one event per
// thing and kind of change, in the order i3 sends them (a new workspace before its focus,
// a new window before its focus).
// The `binding` event is no diff: it is built from a key binding as it runs.
import type { I3EventName } from './i3wire.js';
import type { I3Node } from './i3tree.js';

/** What events are derived from: the tree and the binding mode. */
export interface I3View {
  readonly tree: I3Node;
  readonly mode: string;
}

export interface I3Event {
  readonly event: I3EventName;
  readonly payload: { readonly change: string; readonly [k: string]: unknown };
}

interface Place {
  readonly node: I3Node;
  readonly workspace: number | null;
  readonly parent: number | null;
}

interface Index {
  readonly workspaces: Map<number, I3Node>;
  readonly windows: Map<number, Place>;
  readonly focusedWorkspace: number | null;
  readonly focusedWindow: number | null;
  readonly outputs: string;
}

function index(view: I3View): Index {
  const workspaces = new Map<number, I3Node>();
  const windows = new Map<number, Place>();
  let focusedWindow: number | null = null;
  const walk = (n: I3Node, ws: number | null, parent: number | null): void => {
    if (n.type === 'workspace') { workspaces.set(n.id, n); ws = n.id; }
    if (n.window !== null) {
      windows.set(n.window, { node: n, workspace: ws, parent });
      if (n.focused) focusedWindow = n.window;
    }
    for (const c of n.nodes) walk(c, ws, n.id);
    for (const c of n.floating_nodes) walk(c, ws, n.id);
  };
  walk(view.tree, null, null);
  // The focused workspace: the root's focused output's shown workspace (focus lists lead).
  const output = view.tree.nodes.find((o) => o.id === view.tree.focus[0]);
  const content = output?.nodes.find((c) => c.name === 'content');
  const focusedWorkspace = content?.focus[0] ?? null;
  const outputs = view.tree.nodes.map((o) => `${o.name ?? ''}@${o.rect.x},${o.rect.y},${o.rect.width}x${o.rect.height}`).join(';');
  return { workspaces, windows, focusedWorkspace, focusedWindow, outputs };
}

/** Events for the change from `before` to `after`; `wants` spares kinds nobody listens to. */
export function deriveI3Events(before: I3View, after: I3View, wants: (e: I3EventName) => boolean = () => true): I3Event[] {
  const out: I3Event[] = [];
  const a = index(before);
  const b = index(after);

  if (wants('workspace')) {
    const ws = (change: string, current: I3Node | null, old?: I3Node | null): void => {
      out.push({ event: 'workspace', payload: old === undefined ? { change, current, old: null } : { change, current, old } });
    };
    for (const [id, n] of b.workspaces) if (!a.workspaces.has(id)) ws('init', n);
    if (a.focusedWorkspace !== b.focusedWorkspace && b.focusedWorkspace !== null) {
      const old = a.focusedWorkspace === null ? null : (a.workspaces.get(a.focusedWorkspace) ?? null);
      ws('focus', b.workspaces.get(b.focusedWorkspace) ?? null, old);
    }
    for (const [id, n] of b.workspaces) {
      const was = a.workspaces.get(id);
      if (was === undefined) continue;
      if (was.name !== n.name) ws('rename', n);
      if (was.urgent !== n.urgent) ws('urgent', n);
    }
    for (const [id, n] of a.workspaces) if (!b.workspaces.has(id)) ws('empty', n);
  }

  if (wants('output') && a.outputs !== b.outputs) out.push({ event: 'output', payload: { change: 'unspecified' } });

  if (wants('mode') && before.mode !== after.mode) out.push({ event: 'mode', payload: { change: after.mode, pango_markup: false } });

  if (wants('window')) {
    const win = (change: string, container: I3Node): void => { out.push({ event: 'window', payload: { change, container } }); };
    for (const [w, p] of b.windows) if (!a.windows.has(w)) win('new', p.node);
    for (const [w, p] of a.windows) if (!b.windows.has(w)) win('close', p.node);
    for (const [w, p] of b.windows) {
      const was = a.windows.get(w);
      if (was === undefined) continue;
      if (was.node.floating !== p.node.floating) win('floating', p.node);
      else if (was.workspace !== p.workspace || was.parent !== p.parent) win('move', p.node);
      if (was.node.fullscreen_mode !== p.node.fullscreen_mode) win('fullscreen_mode', p.node);
      if (was.node.name !== p.node.name) win('title', p.node);
      if (was.node.urgent !== p.node.urgent) win('urgent', p.node);
      if (was.node.marks.join('\n') !== p.node.marks.join('\n')) win('mark', p.node);
    }
    if (a.focusedWindow !== b.focusedWindow && b.focusedWindow !== null) win('focus', b.windows.get(b.focusedWindow)!.node);
  }
  return out;
}

/** A key binding whose command has just run, as the keyboard saw it. */
export interface RanBinding {
  /** The Fion command text the binding ran. */
  readonly command: string;
  /** The bound key's keysym name ("a", "Return"). */
  readonly symbol: string;
  /** The binding's modifier bits (X's state mask, Lock and Num Lock left out). */
  readonly mask: number;
  /** The key pressed; 0 when not known. */
  readonly keycode: number;
}

/** X's modifier bits by i3's names, in the order i3 lists them. */
const I3_MODIFIERS: readonly (readonly [number, string])[] = [
  [1 << 0, 'shift'], [1 << 1, 'lock'], [1 << 2, 'ctrl'],
  [1 << 3, 'Mod1'], [1 << 4, 'Mod2'], [1 << 5, 'Mod3'], [1 << 6, 'Mod4'], [1 << 7, 'Mod5'],
];

/** i3's names of the modifier bits in `mask` ("Mod4", "shift", ...). */
export function i3ModifierNames(mask: number): string[] {
  return I3_MODIFIERS.filter(([bit]) => (mask & bit) !== 0).map(([, name]) => name);
}

/** The `binding` event for a key binding that ran its command. */
export function i3BindingEvent(b: RanBinding): I3Event {
  const mods = i3ModifierNames(b.mask);
  return {
    event: 'binding',
    payload: {
      change: 'run',
      binding: {
        command: b.command,
        event_state_mask: mods,
        input_code: b.keycode,
        mods,
        symbol: b.symbol,
        input_type: 'keyboard',
      },
    },
  };
}

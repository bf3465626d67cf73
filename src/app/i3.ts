// The i3 socket wired to a running Wm, so i3's tools (i3-msg, i3ipc scripts, bars) work
// against Fion. Messages are answered inside Wm's event loop, in order with X events (a
// command's reply once the X server has carried it out);
// events are derived after each render from the i3 view before and after, but for
// `binding`, sent when a key binding has run its command. The socket's
// path is on every root (I3_SOCKET_PATH) and in I3SOCK for every program Fion starts.
import type { Wm } from './wm.js';
import type { XPort } from '../x/port.js';
import type { Atoms } from '../x/atoms.js';
import { isFailure, type Atom, type WindowId } from '../x/types.js';
import { encodeUtf8 } from '../x/props.js';
import { NoEventMask } from '../x/protocol.js';
import { layout, type LayoutTheme } from '../layout/index.js';
import { allMarks, type Model } from '../model/index.js';
import { I3Server } from '../ipc/i3server.js';
import { I3_MESSAGES } from '../ipc/i3wire.js';
import { i3Outputs, i3Tree, i3Workspaces } from '../ipc/i3tree.js';
import { deriveI3Events, i3BindingEvent, type I3View } from '../ipc/i3events.js';
import { splitI3Commands, translateI3 } from '../ipc/i3commands.js';
import { I3_SOCKET_PATH_PROPERTY, i3SocketPath } from '../ipc/paths.js';
import { SocketBusy } from '../ipc/listen.js';
import { readFileCapped } from '../persist/readfile.js';
import { log } from '../log.js';
import { fionVersion } from '../version.js';

/** The i3 release whose protocol Fion speaks (what GET_VERSION reports as major.minor). */
const I3_PROTOCOL = { major: 4, minor: 22, patch: 0 };
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Run an i3 command list: each command translated, then run by Fion in turn. */
export function runI3Commands(wm: Wm, text: string): { success: boolean; error?: string }[] {
  const commands = splitI3Commands(text);
  if (commands.length === 0) return [{ success: false, error: 'empty command' }];
  const modes = wm.config.modes.map((m) => m.name);
  return commands.map((c) => {
    const t = translateI3({ modes }, c);
    if (!t.ok) return { success: false, error: t.error };
    const failed = wm.runCommandsReport(t.fion, 'i3 socket').find((r) => !r.success);
    return failed === undefined ? { success: true } : { success: false, error: failed.error ?? 'failed' };
  });
}

function view(model: Model, mode: string, theme: LayoutTheme): I3View {
  return { tree: i3Tree(model, layout(model, theme), theme), mode };
}

function answer(wm: Wm, x: XPort, syncAtom: Atom | null, theme: LayoutTheme, type: number, payload: string, server: () => I3Server | null): unknown {
  switch (type) {
    case I3_MESSAGES.RUN_COMMAND: {
      // Subscribers hear what the commands changed before the reply arrives, as with i3:
      // replyInOrder renders before it queues the reply.
      return runI3Commands(wm, payload);
    }
    case I3_MESSAGES.GET_WORKSPACES:
      return i3Workspaces(wm.model, layout(wm.model, theme), theme);
    case I3_MESSAGES.GET_OUTPUTS:
      return i3Outputs(wm.model);
    case I3_MESSAGES.GET_TREE:
      return i3Tree(wm.model, layout(wm.model, theme), theme);
    case I3_MESSAGES.GET_MARKS:
      return allMarks(wm.model);
    case I3_MESSAGES.GET_BAR_CONFIG:
      // Fion's bars are its own, not i3bar instances: there is no bar id to configure.
      return payload.trim() === '' ? [] : { success: false, error: `no bar "${payload.trim()}": Fion draws its own bars` };
    case I3_MESSAGES.GET_VERSION: {
      const v = `${I3_PROTOCOL.major}.${I3_PROTOCOL.minor}`;
      return { ...I3_PROTOCOL, human_readable: `${v} (Fion ${fionVersion()})`, loaded_config_file_name: wm.configInfo.path };
    }
    case I3_MESSAGES.GET_BINDING_MODES:
      return ['default', ...wm.config.modes.map((m) => m.name)];
    case I3_MESSAGES.GET_BINDING_STATE:
      return { name: wm.keys.modeName };
    case I3_MESSAGES.GET_CONFIG: {
      const path = wm.configInfo.path;
      const r = readFileCapped(path, MAX_CONFIG_BYTES);
      const text = r.kind === 'text' ? r.text : '';
      return { config: text, included_configs: [{ path, raw_contents: text, variable_replaced_contents: text }] };
    }
    case I3_MESSAGES.SEND_TICK:
      // Events of everything before the tick go out first (i3's happened-before promise).
      wm.renderNow();
      server()?.broadcast('tick', { first: false, payload });
      return { success: true };
    case I3_MESSAGES.SYNC: {
      const req = parseSync(payload);
      if (req === null) return { success: false, error: 'sync: expected {"window": N, "rnd": N}' };
      if (syncAtom === null) return { success: false, error: 'sync: the I3_SYNC atom is missing' };
      wm.renderNow();
      x.sendClientMessage(req.window as WindowId, req.window as WindowId, syncAtom, [req.window, req.rnd], NoEventMask);
      return { success: true };
    }
    default:
      return { success: false, error: `unknown message type ${type}` };
  }
}

function parseSync(payload: string): { window: number; rnd: number } | null {
  try {
    const v: unknown = JSON.parse(payload);
    if (typeof v !== 'object' || v === null || !('window' in v) || !('rnd' in v)) return null;
    const { window, rnd } = v;
    const u32 = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 0xffffffff;
    return u32(window) && window !== 0 && u32(rnd) ? { window, rnd } : null;
  } catch {
    return null;
  }
}

/** Start the i3 socket for `wm`; resolves to null (logged) when it cannot listen. */
export async function startI3(wm: Wm, x: XPort, atoms: Atoms, theme: LayoutTheme, attempt = 0): Promise<I3Server | null> {
  const path = i3SocketPath(x.name);
  // Set at once, before anything awaits: the status command starts while this listens.
  process.env.I3SOCK = path;
  const sync = await x.internAtom('I3_SYNC');
  const syncAtom = isFailure(sync) ? null : sync;
  let server: I3Server | null = null;
  try {
    server = await I3Server.listen(path, {
      handle(type, payload, reply) {
        wm.loop.enqueue(() => {
          const body = answer(wm, x, syncAtom, theme, type, payload, () => server);
          wm.replyInOrder(() => reply(body), type === I3_MESSAGES.RUN_COMMAND);
        }, `i3 message ${type}`);
      },
    });
  } catch (e) {
    if (e instanceof SocketBusy && attempt < 20 && !wm.stopping) {
      await new Promise((r) => setTimeout(r, 250));
      return startI3(wm, x, atoms, theme, attempt + 1);
    }
    log.warn(`no i3 socket: ${e instanceof Error ? e.message : String(e)}`);
    delete process.env.I3SOCK;
    return null;
  }
  const live = server;
  const atom = await x.internAtom(I3_SOCKET_PATH_PROPERTY);
  if (!isFailure(atom)) for (const s of x.screens) x.changeProperty(s.root, atom, atoms.UTF8_STRING, 8, encodeUtf8(path));
  // A round trip, not a flush: whoever reads the log line next finds the property set.
  await x.sync();
  log.info(`i3 ipc: listening on ${path}`);

  // The model is immutable: keeping the last one costs nothing. Its view is built only
  // while someone listens.
  let previous = { model: wm.model, mode: wm.keys.modeName };
  let previousView: I3View | null = null;
  wm.listen({ rendered: () => {
    const now = { model: wm.model, mode: wm.keys.modeName };
    if (live.subscriberCount > 0 && (now.model !== previous.model || now.mode !== previous.mode)) {
      const before = previousView ?? view(previous.model, previous.mode, theme);
      const after = view(now.model, now.mode, theme);
      for (const ev of deriveI3Events(before, after, (e) => live.wants(e))) live.broadcast(ev.event, ev.payload);
      previousView = after;
    } else if (live.subscriberCount === 0) previousView = null;
    previous = now;
  }, binding: (run) => {
    if (!live.wants('binding')) return;
    // As with i3, what the command changed is told before the binding that ran it.
    if (!wm.stopping) wm.renderNow();
    const ev = i3BindingEvent(run);
    live.broadcast(ev.event, ev.payload);
  }, shutdown: (how) => {
    live.broadcast('shutdown', { change: how });
    wm.closeAfterReplies(() => live.close());
    if (!isFailure(atom)) for (const s of x.screens) x.deleteProperty(s.root, atom);
  } });
  return live;
}

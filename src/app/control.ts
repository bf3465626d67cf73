// The control socket wired to a running Wm: requests are answered inside Wm's event loop
// (in order with X events, so a reply sees every change before it; a command's reply once
// the X server has carried it out), events are derived
// after each render, and the socket's path is published on every root (FION_SOCKET_PATH).
import type { Wm } from './wm.js';
import type { XPort } from '../x/port.js';
import type { Atoms } from '../x/atoms.js';
import { isFailure } from '../x/types.js';
import { encodeUtf8 } from '../x/props.js';
import { formatConfigError } from '../config/load.js';
import { layout, type LayoutTheme } from '../layout/index.js';
import { IpcServer, SocketBusy, type Message } from '../ipc/server.js';
import { defaultSocketPath, SOCKET_PATH_PROPERTY } from '../ipc/paths.js';
import { deriveEvents, type Snapshot } from '../ipc/events.js';
import { monitorsJson, treeJson, workspacesJson } from '../ipc/tree.js';
import { log, logLevel, recentLines } from '../log.js';
import { logFileInUse } from '../persist/logfile.js';
import { fionVersion } from '../version.js';

function snapshot(wm: Wm): Snapshot {
  const c = wm.configInfo;
  return { model: wm.model, mode: wm.keys.modeName, config: { path: c.path, errors: c.errors.map(formatConfigError), reads: c.reads } };
}

/** Start the control socket for `wm`; resolves to null (logged) when it cannot listen. */
export async function startControl(wm: Wm, x: XPort, atoms: Atoms, theme: LayoutTheme, attempt = 0): Promise<IpcServer | null> {
  const path = defaultSocketPath(x.name);
  const answer = (body: Message): Message => ({ success: true, ...body });
  let server: IpcServer;
  try {
    server = await IpcServer.listen(path, {
      handle(request, answerWith) {
        const reply = (m: Message): void => wm.replyInOrder(() => answerWith(m), request.type === 'command');
        wm.loop.enqueue(() => {
          switch (request.type) {
            case 'command': {
              const results = wm.runCommandsReport(request.command, 'socket');
              reply({ success: results.every((r) => r.success), results });
              return;
            }
            case 'tree':
              reply(answer({ tree: treeJson(wm.model, layout(wm.model, theme)) }));
              return;
            case 'workspaces':
              reply(answer({ workspaces: workspacesJson(wm.model) }));
              return;
            case 'monitors':
              reply(answer({ monitors: monitorsJson(wm.model, layout(wm.model, theme)) }));
              return;
            case 'bindings': {
              const cfg = wm.config;
              reply(answer({
                bindings: cfg.bindings.map((b) => ({ keys: b.keys, command: b.command })),
                modes: cfg.modes.map((m) => ({ name: m.name, enter: m.enter, sticky: m.sticky, keys: m.keys.map((b) => ({ keys: b.keys, command: b.command })) })),
              }));
              return;
            }
            case 'config': {
              const c = wm.configInfo;
              reply(answer({ path: c.path, errors: c.errors.map((e) => ({ ...e, text: formatConfigError(e) })) }));
              return;
            }
            case 'version':
              reply(answer({ name: 'fion', version: fionVersion() }));
              return;
            case 'log':
              reply(answer({ level: logLevel(), file: logFileInUse(), lines: [...recentLines()] }));
              return;
          }
        }, `socket ${request.type}`);
      },
    });
  } catch (e) {
    // Only a Fion stepping aside (--replace) can still hold it here: give it a moment.
    if (e instanceof SocketBusy && attempt < 20 && !wm.stopping) {
      await new Promise((r) => setTimeout(r, 250));
      return startControl(wm, x, atoms, theme, attempt + 1);
    }
    log.warn(`no control socket: ${e instanceof SocketBusy ? `${path} is in use by another process` : e instanceof Error ? e.message : String(e)}`);
    return null;
  }
  const atom = await x.internAtom(SOCKET_PATH_PROPERTY);
  if (!isFailure(atom)) for (const s of x.screens) x.changeProperty(s.root, atom, atoms.UTF8_STRING, 8, encodeUtf8(path));
  await x.flush();
  log.info(`ipc: listening on ${path}`);

  let previous = snapshot(wm);
  wm.listen({ rendered: () => {
    const now = snapshot(wm);
    if (server.subscriberCount > 0) {
      for (const ev of deriveEvents(previous, now, (k) => server.wants(k))) server.broadcast(ev.kind, ev.payload);
    }
    previous = now;
  }, shutdown: (how) => {
    server.broadcast('shutdown', { change: how });
    wm.closeAfterReplies(() => server.close());
    if (!isFailure(atom)) for (const s of x.screens) x.deleteProperty(s.root, atom);
    log.info('ipc: socket closed');
  } });
  return server;
}

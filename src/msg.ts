// `fion msg`: one request to a running Fion over its control socket, the reply printed as
// JSON. Exit status: 0 success, 1 the request or a command failed, 2 no Fion reachable.
import { None } from './x/protocol.js';
import { isFailure } from './x/types.js';
import { buildRequest, exchange, findSocket, isRequestType, open, Unreachable } from './ipc/client.js';
import { REQUEST_TYPES } from './ipc/protocol.js';
import { defaultSocketPath, SOCKET_PATH_PROPERTY } from './ipc/paths.js';

export interface MsgArgs {
  readonly type: string;
  readonly args: readonly string[];
  readonly raw: boolean;
  readonly socket?: string | undefined;
  readonly display?: string | undefined;
}

/** FION_SOCKET_PATH on the display's first root window, or null. */
export async function socketFromRoot(display: string | undefined): Promise<string | null> {
  if (display === undefined || display === '') return null;
  // Loaded only here: most messages find their socket without asking X.
  const { XConnection } = await import('./x/connection.js');
  const x = await XConnection.connect(display);
  try {
    const atom = await x.internAtom(SOCKET_PATH_PROPERTY, true);
    const root = x.screens[0]?.root;
    if (isFailure(atom) || atom === None || root === undefined) return null;
    const p = await x.getProperty(root, atom, 0, 1024);
    return isFailure(p) || p === null ? null : p.data.toString('utf8');
  } finally {
    await x.close();
  }
}

const say = (text: string): void => { process.stderr.write(`fion msg: ${text}\n`); };

export async function runMsg(a: MsgArgs): Promise<number> {
  if (!isRequestType(a.type)) {
    say(`unknown type "${a.type}"; expected one of ${REQUEST_TYPES.join(', ')}`);
    return 2;
  }
  const request = buildRequest(a.type, a.args);
  if ('error' in request) { say(request.error); return 2; }
  const display = a.display ?? process.env.DISPLAY;
  // A Fion listening at the display's default path answers first: reading the root window's
  // FION_SOCKET_PATH means loading x11 and a round trip to X, a third of a message's time.
  const quick = (a.socket === undefined || a.socket === '') && (process.env.FION_SOCK ?? '') === '' && display !== undefined && display !== ''
    ? await open(defaultSocketPath(display)).catch(() => null)
    : null;
  let socket = quick;
  if (socket === null) {
    const found = await findSocket({ flag: a.socket, env: process.env, display, fromRoot: () => socketFromRoot(display) });
    if (found === null) { say('no Fion to talk to: give --socket PATH, set FION_SOCK or DISPLAY'); return 2; }
    try {
      socket = await open(found.path);
    } catch (e) {
      say(`no Fion reachable at ${e instanceof Unreachable ? e.message : found.path} (socket from ${found.from})`);
      return 2;
    }
  }
  const print = (line: string): void => {
    if (a.raw) { process.stdout.write(`${line}\n`); return; }
    if (a.type === 'log') {
      // The log as it reads in the file, one line each.
      let r: unknown = null;
      try { r = JSON.parse(line); } catch { /* printed as it came, below */ }
      if (typeof r === 'object' && r !== null && 'lines' in r && Array.isArray(r.lines)) {
        for (const l of r.lines as unknown[]) process.stdout.write(`${String(l)}\n`);
        return;
      }
    }
    try { process.stdout.write(`${JSON.stringify(JSON.parse(line), null, 2)}\n`); } catch { process.stdout.write(`${line}\n`); }
  };
  let status = 2;
  let sawShutdown = false;
  const subscribing = a.type === 'subscribe';
  const hungUp = await exchange(socket, request.line, (line) => {
    print(line);
    let reply: unknown;
    try { reply = JSON.parse(line); } catch { reply = null; }
    const ok = typeof reply === 'object' && reply !== null && 'success' in reply && reply.success === true;
    if (typeof reply === 'object' && reply !== null && 'type' in reply && reply.type === 'event') {
      if ('event' in reply && reply.event === 'shutdown') { sawShutdown = true; return false; }
      return true;
    }
    status = ok ? 0 : 1;
    if (!ok) {
      if (typeof reply === 'object' && reply !== null && 'results' in reply && Array.isArray(reply.results)) {
        for (const r of reply.results as unknown[]) {
          if (typeof r === 'object' && r !== null && 'success' in r && r.success === false && 'command' in r && 'error' in r) {
            say(`${String(r.command)}: ${String(r.error)}`);
          }
        }
      } else if (typeof reply === 'object' && reply !== null && 'error' in reply) {
        say(String(reply.error));
      }
    }
    // A subscription streams on after its confirmation.
    return subscribing && ok;
  });
  if (hungUp && status === 2) say('Fion closed the connection without answering');
  if (subscribing && hungUp && status === 0 && !sawShutdown) {
    say('the connection to Fion was lost');
    return 2;
  }
  return status;
}

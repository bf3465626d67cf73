// The client side of the control socket, as `fion msg` uses it: find the socket, send one
// request, read its reply (or, for `subscribe`, every event line until Fion hangs up).
import { connect, type Socket } from 'node:net';
import { LineSplitter, REQUEST_TYPES, type RequestType } from './protocol.js';
import { defaultSocketPath } from './paths.js';

export interface SocketSources {
  readonly flag?: string | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly display?: string | undefined;
  /** Reads FION_SOCKET_PATH from the display's root window (null: none, or no display). */
  readonly fromRoot: () => Promise<string | null>;
}

/** Where to connect: --socket, $FION_SOCK, the root window's FION_SOCKET_PATH, the default path. */
export async function findSocket(s: SocketSources): Promise<{ path: string; from: string } | null> {
  if (s.flag !== undefined && s.flag !== '') return { path: s.flag, from: '--socket' };
  const env = s.env.FION_SOCK;
  if (env !== undefined && env !== '') return { path: env, from: '$FION_SOCK' };
  const root = await s.fromRoot().catch(() => null);
  if (root !== null && root !== '') return { path: root, from: 'FION_SOCKET_PATH' };
  if (s.display === undefined || s.display === '') return null;
  return { path: defaultSocketPath(s.display, s.env), from: 'the default path' };
}

export function isRequestType(t: string): t is RequestType {
  return (REQUEST_TYPES as readonly string[]).includes(t);
}

/** The request line for `fion msg -t TYPE ARGS...`, or an error text. */
export function buildRequest(type: RequestType, args: readonly string[]): { line: string } | { error: string } {
  switch (type) {
    case 'command':
      if (args.length === 0) return { error: 'no command given (e.g. fion msg workspace next)' };
      return { line: JSON.stringify({ type, command: args.join(' ') }) };
    case 'subscribe': {
      const text = args.join(' ');
      let events: unknown;
      try {
        events = JSON.parse(text);
      } catch {
        // Plain words are fine too: fion msg -t subscribe focus workspace
        events = args.flatMap((a) => a.split(/[\s,]+/)).filter((a) => a !== '');
      }
      return { line: JSON.stringify({ type, events }) };
    }
    default:
      if (args.length > 0) return { error: `-t ${type} takes no arguments` };
      return { line: JSON.stringify({ type }) };
  }
}

export class Unreachable extends Error {}

/** Connect, failing with Unreachable (and why) when nothing listens there. */
export function open(path: string, timeoutMs = 5000): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(path);
    const timer = setTimeout(() => { s.destroy(); reject(new Unreachable(`${path}: no answer within ${timeoutMs} ms`)); }, timeoutMs);
    s.once('connect', () => { clearTimeout(timer); resolve(s); });
    s.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const why = e.code === 'ENOENT' ? 'no such socket' : e.code === 'ECONNREFUSED' ? 'nothing listens there (stale socket)' : e.message;
      reject(new Unreachable(`${path}: ${why}`));
    });
  });
}

/**
 * Send `line`, then call `onLine` with each line read back until it returns false (done)
 * or Fion hangs up. Resolves true if Fion hung up before `onLine` said done.
 */
export function exchange(s: Socket, line: string, onLine: (line: string) => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const splitter = new LineSplitter(64 * 1024 * 1024);
    let finished = false;
    const finish = (hungUp: boolean): void => {
      if (finished) return;
      finished = true;
      s.destroy();
      resolve(hungUp);
    };
    s.on('data', (chunk: Buffer) => {
      for (const item of splitter.push(chunk)) {
        if ('line' in item && !onLine(item.line)) { finish(false); return; }
      }
    });
    s.on('close', () => finish(true));
    s.on('error', () => finish(true));
    s.write(`${line}\n`);
  });
}

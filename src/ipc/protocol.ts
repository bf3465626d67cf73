// The control socket's protocol: one JSON request per line in, one JSON reply per line
// out, plus event lines for subscribers. Everything a peer sends is untrusted: lines are
// capped in size and requests are validated field by field before anything acts on them.

export const REQUEST_TYPES = ['command', 'tree', 'workspaces', 'monitors', 'bindings', 'config', 'version', 'log', 'subscribe'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const EVENT_KINDS = ['workspace', 'tile', 'tab', 'focus', 'mode', 'title', 'monitor', 'config', 'shutdown'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** The longest request line Fion reads; a longer one is answered with an error and skipped. */
export const MAX_LINE_BYTES = 1024 * 1024;
/** Requests of one peer waiting for their replies before Fion stops reading from it (it
 *  reads on once they are answered): a flood of requests cannot grow Fion's queue. */
export const MAX_PEER_PENDING = 256;
/** A peer whose unread output passes this is dropped: Fion never waits on a socket. */
export const MAX_PEER_BACKLOG_BYTES = 4 * 1024 * 1024;

/** A request's optional `id` (a number or a string) is echoed in its reply. */
export type RequestId = number | string;

export type Request =
  | { readonly type: 'command'; readonly command: string; readonly id?: RequestId }
  | { readonly type: 'subscribe'; readonly events: readonly EventKind[]; readonly id?: RequestId }
  | { readonly type: Exclude<RequestType, 'command' | 'subscribe'>; readonly id?: RequestId };

/** JSON as it comes off the wire: nothing assumed. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

export type Parsed = { readonly ok: true; readonly request: Request } | { readonly ok: false; readonly error: string; readonly id?: RequestId };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function oneOf<T extends string>(options: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (options as readonly string[]).includes(v);
}

/** Parse and validate one request line. */
export function parseRequest(line: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { ok: false, error: `bad JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!isRecord(value)) return { ok: false, error: 'a request is a JSON object, e.g. {"type":"version"}' };
  const rawId = value.id;
  const id = typeof rawId === 'number' || typeof rawId === 'string' ? rawId : undefined;
  const withId = id === undefined ? {} : { id };
  const fail = (error: string): Parsed => ({ ok: false, error, ...withId });
  if (rawId !== undefined && id === undefined) return fail('"id" must be a number or a string');
  const type = value.type;
  if (!oneOf(REQUEST_TYPES, type)) {
    return fail(`"type": expected one of ${REQUEST_TYPES.join(', ')}${typeof type === 'string' ? `, got "${type}"` : ''}`);
  }
  switch (type) {
    case 'command': {
      const command = value.command;
      if (typeof command !== 'string') return fail('command: "command" must be a string, e.g. "workspace next"');
      return { ok: true, request: { type, command, ...withId } };
    }
    case 'subscribe': {
      const events = value.events;
      if (!Array.isArray(events) || events.length === 0) {
        return fail(`subscribe: "events" must be a non-empty list of ${EVENT_KINDS.join(', ')}`);
      }
      const kinds: EventKind[] = [];
      for (const e of events) {
        if (!oneOf(EVENT_KINDS, e)) return fail(`subscribe: unknown event ${JSON.stringify(e)}; expected one of ${EVENT_KINDS.join(', ')}`);
        if (!kinds.includes(e)) kinds.push(e);
      }
      return { ok: true, request: { type, events: kinds, ...withId } };
    }
    default:
      return { ok: true, request: { type, ...withId } };
  }
}

/** Result of one command of a `command` request (several are separated by `;`). */
export interface CommandResult {
  readonly command: string;
  readonly success: boolean;
  readonly error?: string;
}

/**
 * Splits a byte stream into lines, never holding more than `max` bytes of one line: a
 * longer line is reported once as oversized and the rest of it is skipped up to its newline.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  private skipping = false;

  constructor(private readonly max = MAX_LINE_BYTES) {}

  /** Feed a chunk; returns complete lines (without '\n'; '\r' trimmed) and oversize markers. */
  push(chunk: Buffer): ({ readonly line: string } | { readonly oversized: true })[] {
    const out: ({ readonly line: string } | { readonly oversized: true })[] = [];
    let start = 0;
    while (start <= chunk.length) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl < 0 ? chunk.length : nl;
      const piece = chunk.subarray(start, end);
      if (!this.skipping) {
        if (this.size + piece.length > this.max) {
          this.parts = [];
          this.size = 0;
          this.skipping = true;
          out.push({ oversized: true });
        } else if (piece.length > 0) {
          this.parts.push(piece);
          this.size += piece.length;
        }
      }
      if (nl < 0) break;
      if (!this.skipping) out.push({ line: Buffer.concat(this.parts).toString('utf8').replace(/\r$/, '') });
      this.parts = [];
      this.size = 0;
      this.skipping = false;
      start = nl + 1;
    }
    return out;
  }
}

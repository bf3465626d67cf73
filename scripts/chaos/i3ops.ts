// Chaos through the i3 socket: random but well-formed i3 command lists (RUN_COMMAND) and
// GET_TREE / GET_WORKSPACES queries, as i3-msg and i3 scripts send them. Generated from
// the seeded PRNG like every other op; carried out on a fresh connection each time, the
// way i3-msg does. A reply that is missing, malformed or says something impossible (not
// one result per command; a tree without exactly one focused node) is a problem the
// engine reports as a violation.
import { createConnection } from 'node:net';
import { execFile } from 'node:child_process';
import { I3_MESSAGES, I3Reader, encodeI3 } from '../../src/ipc/i3wire.js';
import type { Rng } from './prng.js';

export interface I3Op { k: 'i3'; msg: 'run' | 'tree' | 'workspaces'; command: string }

const NAMES = ['web', 'mail', '3', 'chaos x'];
const quoted = (name: string): string => (/\s/.test(name) ? `"${name}"` : name);

function one(rng: Rng, close: boolean): string {
  const n = (): number => rng.int(1, 6);
  const dir = (): string => rng.pick(['left', 'right', 'up', 'down']);
  const toggle = (): string => rng.pick(['enable', 'disable', 'toggle']);
  switch (rng.int(0, 13)) {
    case 0: return rng.bool() ? `workspace number ${n()}` : `workspace ${quoted(rng.pick(NAMES))}`;
    case 1: return `workspace ${rng.pick(['next', 'prev', 'back_and_forth'])}`;
    case 2: return `workspace --no-auto-back-and-forth number ${n()}`;
    case 3: return `move ${rng.pick(['container ', 'window ', ''])}to workspace ${rng.pick([`number ${n()}`, quoted(rng.pick(NAMES)), 'next', 'prev'])}`;
    case 4: return `focus ${dir()}`;
    case 5: return `move ${dir()}`;
    case 6: return `split ${rng.pick(['h', 'v', 'horizontal', 'vertical', 'toggle'])}`;
    case 7: return `layout ${rng.pick(['tabbed', 'splith', 'splitv', 'stacking', 'toggle split'])}`;
    case 8: return `floating ${toggle()}`;
    case 9: return `fullscreen ${toggle()}`;
    case 10: return rng.bool(0.7) ? `mark ${rng.pick(['', '--add ', '--toggle '])}m${rng.int(1, 4)}` : `[con_mark="^m${rng.int(1, 4)}$"] focus`;
    case 11: return rng.pick(['unmark', '[urgent=latest] focus', '[tiling] mark --add t', 'focus urgent', 'nop']);
    case 12: return `resize ${rng.pick(['grow', 'shrink'])} ${rng.pick(['width', 'height'])} ${rng.int(1, 40)} px or ${rng.int(1, 20)} ppt`;
    default: return close && rng.bool(0.15) ? 'kill' : `focus ${dir()}`;
  }
}

/** An i3 op: mostly a command list of one to three commands, sometimes a query. */
export function generateI3(rng: Rng, close: boolean): I3Op {
  const r = rng.next();
  if (r < 0.1) return { k: 'i3', msg: 'tree', command: '' };
  if (r < 0.15) return { k: 'i3', msg: 'workspaces', command: '' };
  const count = rng.int(1, 3);
  let text = one(rng, close);
  for (let i = 1; i < count; i++) text += `${rng.pick([', ', '; '])}${one(rng, close)}`;
  return { k: 'i3', msg: 'run', command: text };
}

interface TreeNode { focused?: boolean; nodes?: TreeNode[]; floating_nodes?: TreeNode[] }
const focusedNodes = (n: TreeNode): number =>
  (n.focused === true ? 1 : 0) + [...(n.nodes ?? []), ...(n.floating_nodes ?? [])].reduce((a, c) => a + focusedNodes(c), 0);

/** Sends i3 ops to Fion's i3 socket (found on the root window, as i3-msg finds it). */
export class I3Peer {
  private path: string | null = null;
  private problems: string[] = [];
  readonly counts = { sent: 0, refused: 0 };

  constructor(private readonly display: string) {}

  /** What went wrong since the last call (each once). */
  takeProblems(): string[] {
    const out = [...new Set(this.problems)];
    this.problems = [];
    return out;
  }

  async run(op: I3Op): Promise<void> {
    const path = this.path ?? (this.path = await this.socketPath());
    if (path === null) { this.problems.push('i3 socket: I3_SOCKET_PATH is not on the root window'); return; }
    const type = op.msg === 'run' ? I3_MESSAGES.RUN_COMMAND : op.msg === 'tree' ? I3_MESSAGES.GET_TREE : I3_MESSAGES.GET_WORKSPACES;
    this.counts.sent++;
    const reply = await this.ask(path, type, op.command);
    if (typeof reply === 'string') { this.problems.push(`i3 socket: ${op.msg} ${JSON.stringify(op.command)}: ${reply}`); return; }
    const what = `i3 socket: ${op.msg} ${JSON.stringify(op.command)}`;
    if (op.msg === 'run') {
      // One result per command; ones Fion refuses say why.
      const results = reply as { success?: unknown; error?: unknown }[];
      if (!Array.isArray(results) || results.length === 0 || results.some((r) => typeof r?.success !== 'boolean' || (r.success === false && typeof r.error !== 'string'))) {
        this.problems.push(`${what}: a malformed reply`);
      }
      this.counts.refused += Array.isArray(results) ? results.filter((r) => r?.success === false).length : 0;
    } else if (op.msg === 'tree') {
      const focused = focusedNodes(reply as TreeNode);
      if (focused !== 1) this.problems.push(`${what}: ${focused} nodes are focused, not one`);
    } else if (!Array.isArray(reply) || reply.filter((w: { focused?: unknown }) => w?.focused === true).length !== 1) {
      this.problems.push(`${what}: not exactly one focused workspace`);
    }
  }

  private socketPath(): Promise<string | null> {
    return new Promise((resolve) => {
      execFile('xprop', ['-root', 'I3_SOCKET_PATH'], { env: { ...process.env, DISPLAY: this.display } }, (err, stdout) => {
        resolve(err ? null : /= "(.*)"$/m.exec(stdout)?.[1] ?? null);
      });
    });
  }

  /** One request on its own connection; the parsed reply, or what went wrong. */
  private ask(path: string, type: number, payload: string): Promise<unknown> {
    return new Promise((resolve) => {
      const sock = createConnection(path);
      const reader = new I3Reader(64 * 1024 * 1024);
      const done = (v: unknown): void => { clearTimeout(timer); sock.destroy(); resolve(v); };
      const timer = setTimeout(() => done('no reply within 10 s'), 10_000);
      sock.on('error', (e) => done(`connection failed: ${e.message}`));
      sock.on('data', (chunk: Buffer) => {
        const r = reader.push(chunk);
        if (r.error !== null) { done(`bad frame: ${r.error}`); return; }
        const frame = r.frames.find((f) => f.type === type);
        if (frame === undefined) return;
        try { done(JSON.parse(frame.payload.toString('utf8'))); } catch { done('the reply is not JSON'); }
      });
      sock.write(encodeI3(type, payload));
    });
  }
}

// Shell completion: `fion __complete WORD...` prints the candidates for the last word, one
// per line, for the scripts in completions/ (bash, zsh, fish). The verbs, their words and
// the request types come from their declarations; workspace numbers and names from the
// running Fion, when there is one.
import { VERBS } from './commands/verbs/index.js';
import { EVENT_KINDS, REQUEST_TYPES } from './ipc/protocol.js';
import { exchange, findSocket, open } from './ipc/client.js';

const TOP = ['msg', 'check-config', '--display', '--config', '--replace', '--verbose', '--help', '--version'];
const MSG_OPTIONS = ['-t', '--type', '--raw', '--socket', '--display'];
const TAKES_VALUE = new Set(['-t', '--type', '--socket', '--display']);

/** The running Fion's workspaces (number and name), or none. */
export type Workspaces = () => Promise<readonly { number: number; name: string }[]>;

/** Candidates for the last of `words` (the words after `fion`; the last may be empty). */
export async function candidates(words: readonly string[], workspaces: Workspaces): Promise<string[]> {
  const cur = words[words.length - 1] ?? '';
  const before = words.slice(0, -1);
  const pick = (all: readonly string[]): string[] => [...new Set(all)].filter((c) => c.startsWith(cur));
  if (before.length === 0) return pick(TOP);
  if (before[0] !== 'msg') return [];
  const prev = before[before.length - 1]!;
  if (prev === '-t' || prev === '--type') return pick(REQUEST_TYPES);
  if (TAKES_VALUE.has(prev)) return [];
  if (cur.startsWith('-')) return pick(MSG_OPTIONS);
  // The words of the request, options and their values left out.
  const rest: string[] = [];
  let type = 'command';
  for (let i = 1; i < before.length; i++) {
    const w = before[i]!;
    if (TAKES_VALUE.has(w)) { if (w === '-t' || w === '--type') type = before[i + 1] ?? type; i++; continue; }
    if (w.startsWith('-')) continue;
    rest.push(w);
  }
  if (type === 'subscribe') return pick(EVENT_KINDS);
  if (type !== 'command') return [];
  // Only the command after the last ';'.
  const cut = rest.map((w) => w.endsWith(';')).lastIndexOf(true);
  const cmd = rest.slice(cut + 1);
  if (cmd.length === 0) return pick(VERBS.map((v) => v.word));
  const verb = VERBS.find((v) => v.word === cmd[0]);
  if (verb === undefined) return [];
  const last = cmd[cmd.length - 1]!;
  if (verb.word === 'workspace' && (last === 'goto' || last === 'send')) {
    const ws = await workspaces().catch(() => []);
    return pick(ws.map((w) => (last === 'goto' ? String(w.number) : w.name)));
  }
  // The next word of each example that starts with the words so far.
  const next = verb.examples.map((e) => e.split(' ')).filter((e) => cmd.every((w, i) => e[i] === w)).map((e) => e[cmd.length]);
  return pick(next.filter((w): w is string => w !== undefined));
}

/** The running Fion's workspaces over its control socket (within a second), or none. */
async function askFion(): Promise<readonly { number: number; name: string }[]> {
  const found = await findSocket({ env: process.env, display: process.env.DISPLAY, fromRoot: async () => {
    const { socketFromRoot } = await import('./msg.js');
    return socketFromRoot(process.env.DISPLAY);
  } });
  if (found === null) return [];
  const socket = await open(found.path, 1000);
  let list: { number: number; name: string }[] = [];
  await exchange(socket, JSON.stringify({ type: 'workspaces' }), (line) => {
    const r = JSON.parse(line) as { workspaces?: { number?: unknown; name?: unknown }[] };
    list = (r.workspaces ?? []).flatMap((w) => (typeof w.number === 'number' && typeof w.name === 'string' ? [{ number: w.number, name: w.name }] : []));
    return false;
  });
  return list;
}

export async function runComplete(words: readonly string[]): Promise<void> {
  const out = await candidates(words.length === 0 ? [''] : words, askFion);
  process.stdout.write(out.map((c) => `${c}\n`).join(''));
}

// Text -> Command, and back. Words are lower case and case-sensitive; errors name what was
// expected. Each verb's grammar reads the words after it (see verbs/).
import { splitStatements, splitWords } from '../text/words.js';
import type { Parsed } from './verb.js';
import { handlerOf, verbNamed } from './verbs/index.js';
import type { Command } from './verbs/index.js';
import { parseCriteria, type Criterion } from './criteria.js';

/** A leading `[criteria]`: the windows the command runs for, and the text as written. */
export interface Targets {
  readonly criteria: readonly Criterion[];
  readonly text: string;
}

export type ParseResult =
  | { readonly ok: true; readonly command: Command; readonly targets?: Targets }
  | { readonly ok: false; readonly error: string };
export type ParseManyResult =
  | { readonly ok: true; readonly commands: readonly Command[] }
  | { readonly ok: false; readonly error: string };

/** Parse one command, e.g. `tile split vertical`, `exec rofi -show run` or
 *  `[class="^XTerm$"] tab float` (the command then runs for each window matched). */
export function parseCommand(text: string): ParseResult {
  const t = text.trimStart();
  if (!t.startsWith('[')) return parsePlain(text);
  const c = parseCriteria(t);
  if (!c.ok) return c;
  const r = parsePlain(c.rest);
  return r.ok ? { ...r, targets: { criteria: c.criteria, text: t.slice(0, t.length - c.rest.length).trim() } } : r;
}

function parsePlain(text: string): Parsed<Command> {
  const split = splitWords(text);
  if (!split.ok) return { ok: false, error: split.error };
  const [word, ...args] = split.words;
  if (word === undefined) return { ok: false, error: 'empty command' };
  const decl = verbNamed(word);
  if (decl === undefined) return { ok: false, error: `unknown command "${word}"` };
  return decl.parse(args, commandError);
}

function commandError(text: string): string | null {
  const r = parseCommand(text);
  return r.ok ? null : r.error;
}

/** Parse `a; b; c` (';' inside quotes does not split). Empty statements are skipped; the
 *  first error wins and is prefixed with the statement's position when there are several. */
export function parseCommands(text: string): ParseManyResult {
  const statements = splitStatements(text).filter((s) => s.trim() !== '');
  if (statements.length === 0) return { ok: false, error: 'empty command' };
  const commands: Command[] = [];
  for (const [i, s] of statements.entries()) {
    const r = parseCommand(s);
    if (!r.ok) return { ok: false, error: statements.length > 1 ? `command ${i + 1}: ${r.error}` : r.error };
    commands.push(r.command);
  }
  return { ok: true, commands };
}

/** Command -> text that parses back to the same command. */
export function formatCommand(command: Command): string {
  return handlerOf(command).format(command);
}

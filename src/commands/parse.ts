// Text -> Command. Words are lower case and case-sensitive; errors name what was expected.
import { isDeclared } from './types.js';
import type { Command, ParseManyResult, ParseResult } from './types.js';
import { quoteWord, splitStatements, splitWords } from '../text/words.js';
import { handlerOf, verbNamed } from './verbs/index.js';

const fail = (error: string): ParseResult => ({ ok: false, error });
const ok = (command: Command): ParseResult => ({ ok: true, command });

/** `prefix: expected one of a, b, c` (plus what was found, if anything). */
function expected(prefix: string, options: readonly string[], got: string | undefined): ParseResult {
  const found = got === undefined ? '' : `, got "${got}"`;
  return fail(`${prefix}: expected one of ${options.join(', ')}${found}`);
}

/** Succeed only if no words are left over. */
function done(prefix: string, rest: readonly string[], command: Command): ParseResult {
  return rest.length > 0 ? fail(`${prefix}: unexpected "${rest[0]}"`) : ok(command);
}

function oneOf<T extends string>(options: readonly T[], word: string | undefined): word is T {
  return word !== undefined && (options as readonly string[]).includes(word);
}

function parseLayout(args: readonly string[]): ParseResult {
  const options = ['save', 'load'] as const;
  const [action, path, ...more] = args;
  if (!oneOf(options, action)) return expected('layout', options, action);
  if (path === undefined || path === '') return fail(`layout ${action}: expected a file name`);
  return done(`layout ${action}`, more, { verb: 'layout', action, path });
}

function parseBar(args: readonly string[]): ParseResult {
  const options = ['show', 'hide', 'toggle'] as const;
  const [action, ...rest] = args;
  if (!oneOf(options, action)) return expected('bar', options, action);
  const [all, ...more] = rest;
  if (all !== undefined && all !== 'all') return fail(`bar ${action}: expected "all" or nothing, got "${all}"`);
  return done(`bar ${action}`, more, { verb: 'bar', action, all: all === 'all' });
}

/** Parse one command, e.g. `tile split vertical` or `exec rofi -show run`. */
export function parseCommand(text: string): ParseResult {
  const split = splitWords(text);
  if (!split.ok) return fail(split.error);
  const [verb, ...args] = split.words;
  const declared = verb === undefined ? undefined : verbNamed(verb);
  if (declared !== undefined) return declared.parse(args, commandError);
  switch (verb) {
    case undefined:
      return fail('empty command');
    case 'layout':
      return parseLayout(args);
    case 'bar':
      return parseBar(args);
    default:
      return fail(`unknown command "${verb}"`);
  }
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
  if (isDeclared(command)) return handlerOf(command).format(command);
  switch (command.verb) {
    case 'layout':
      return `layout ${command.action} ${quoteWord(command.path)}`;
    case 'bar':
      return `bar ${command.action}${command.all ? ' all' : ''}`;
  }
}

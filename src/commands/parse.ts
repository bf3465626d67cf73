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

const CYCLE = ['next', 'prev'] as const;
const DIRECTIONS = ['left', 'right', 'up', 'down'] as const;
const HOWS = ['horizontal', 'vertical', 'auto'] as const;

function parseWorkspace(args: readonly string[]): ParseResult {
  const options = ['next', 'prev', 'create', 'destroy', 'goto', 'rename', 'move'] as const;
  const [action, ...rest] = args;
  if (!oneOf(options, action)) return expected('workspace', options, action);
  const p = `workspace ${action}`;
  switch (action) {
    case 'next':
    case 'prev':
    case 'destroy':
      return done(p, rest, { verb: 'workspace', action });
    case 'create':
      return ok({ verb: 'workspace', action, name: rest.length > 0 ? rest.join(' ') : null });
    case 'rename':
      if (rest.length === 0) return fail(`${p}: expected a name`);
      return ok({ verb: 'workspace', action, name: rest.join(' ') });
    case 'goto': {
      const [n, ...more] = rest;
      if (n === undefined) return fail(`${p}: expected a number`);
      if (!/^[1-9][0-9]{0,8}$/.test(n)) return fail(`${p}: expected a positive whole number, got "${n}"`);
      return done(p, more, { verb: 'workspace', action, number: Number(n) });
    }
    case 'move': {
      const [to, ...more] = rest;
      if (!oneOf(CYCLE, to)) return expected(p, CYCLE, to);
      return done(p, more, { verb: 'workspace', action, to });
    }
  }
}

function parseTile(args: readonly string[]): ParseResult {
  const options = ['next', 'prev', 'split', 'kill', 'resize', 'move'] as const;
  const [action, ...rest] = args;
  if (!oneOf(options, action)) return expected('tile', options, action);
  const p = `tile ${action}`;
  const [arg, ...more] = rest;
  switch (action) {
    case 'next':
    case 'prev':
    case 'kill':
      return done(p, rest, { verb: 'tile', action });
    case 'split':
      if (!oneOf(HOWS, arg)) return expected(p, HOWS, arg);
      return done(p, more, { verb: 'tile', action, how: arg });
    case 'resize':
      if (!oneOf(DIRECTIONS, arg)) return expected(p, DIRECTIONS, arg);
      return done(p, more, { verb: 'tile', action, direction: arg });
    case 'move':
      if (!oneOf(CYCLE, arg)) return expected(p, CYCLE, arg);
      return done(p, more, { verb: 'tile', action, to: arg });
  }
}

function parseTab(args: readonly string[]): ParseResult {
  const options = ['next', 'prev', 'move', 'close', 'new', 'float', 'fullscreen'] as const;
  const [action, ...rest] = args;
  if (!oneOf(options, action)) return expected('tab', options, action);
  const p = `tab ${action}`;
  if (action === 'move') {
    const [to, ...more] = rest;
    if (!oneOf(CYCLE, to)) return expected(p, CYCLE, to);
    return done(p, more, { verb: 'tab', action, to });
  }
  return done(p, rest, { verb: 'tab', action });
}

function parseFocus(args: readonly string[]): ParseResult {
  const options = ['urgent'] as const;
  const [action, ...rest] = args;
  if (!oneOf(options, action)) return expected('focus', options, action);
  return done(`focus ${action}`, rest, { verb: 'focus', action });
}

function parseMonitor(args: readonly string[]): ParseResult {
  const options = ['next', 'prev', 'move', 'workspace'] as const;
  const [action, ...rest] = args;
  if (!oneOf(options, action)) return expected('monitor', options, action);
  const p = `monitor ${action}`;
  if (action === 'next' || action === 'prev') return done(p, rest, { verb: 'monitor', action });
  const [to, ...more] = rest;
  if (!oneOf(CYCLE, to)) return expected(p, CYCLE, to);
  return done(p, more, { verb: 'monitor', action, to });
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
    case 'workspace':
      return parseWorkspace(args);
    case 'tile':
      return parseTile(args);
    case 'tab':
      return parseTab(args);
    case 'focus':
      return parseFocus(args);
    case 'monitor':
      return parseMonitor(args);
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
    case 'workspace':
      switch (command.action) {
        case 'create':
          return command.name === null ? 'workspace create' : `workspace create ${quoteWord(command.name)}`;
        case 'rename':
          return `workspace rename ${quoteWord(command.name)}`;
        case 'goto':
          return `workspace goto ${command.number}`;
        case 'move':
          return `workspace move ${command.to}`;
        default:
          return `workspace ${command.action}`;
      }
    case 'tile':
      switch (command.action) {
        case 'split':
          return `tile split ${command.how}`;
        case 'resize':
          return `tile resize ${command.direction}`;
        case 'move':
          return `tile move ${command.to}`;
        default:
          return `tile ${command.action}`;
      }
    case 'tab':
      return command.action === 'move' ? `tab move ${command.to}` : `tab ${command.action}`;
    case 'focus':
      return `focus ${command.action}`;
    case 'monitor':
      return 'to' in command ? `monitor ${command.action} ${command.to}` : `monitor ${command.action}`;
    case 'layout':
      return `layout ${command.action} ${quoteWord(command.path)}`;
    case 'bar':
      return `bar ${command.action}${command.all ? ' all' : ''}`;
  }
}

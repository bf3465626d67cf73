export type { Command, Verb, ParseResult, ParseManyResult } from './types.js';
export type { Effect, CommandContext, Outcome } from './outcome.js';
export { VERB_HELP } from './types.js';
export { parseCommand, parseCommands, formatCommand } from './parse.js';
export { executeCommand, executeCommands } from './execute.js';
export { splitWords, splitStatements, quoteWord } from '../text/words.js';

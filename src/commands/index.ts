export type { Command, Verb } from './verbs/index.js';
export type { ParseResult, ParseManyResult } from './parse.js';
export type { Effect, CommandContext, Outcome } from './outcome.js';
export { VERB_HELP } from './verbs/index.js';
export { parseCommand, parseCommands, formatCommand } from './parse.js';
export { executeCommand, executeCommands } from './execute.js';
export { splitWords, splitStatements, quoteWord } from '../text/words.js';

export type { Command, Effect, Verb, ParseResult, ParseManyResult } from './types.js';
export { VERB_HELP } from './types.js';
export { parseCommand, parseCommands, formatCommand } from './parse.js';
export { executeCommand, executeCommands, type CommandContext, type Outcome } from './execute.js';
export { splitWords, splitStatements, quoteWord } from '../text/words.js';

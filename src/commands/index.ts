export type { Command, Verb } from './verbs/index.js';
export type { ParseResult, ParseManyResult } from './parse.js';
export type { Effect, CommandContext, Outcome } from './outcome.js';
export { VERB_HELP } from './verbs/index.js';
export { parseCommand, parseCommands, formatCommand } from './parse.js';
export { executeCommand, executeCommands, executeForEach } from './execute.js';
export { parseCriteria, matchCriteria, type Criterion } from './criteria.js';
export type { Targets } from './parse.js';
export { splitWords, splitStatements, quoteWord } from '../text/words.js';

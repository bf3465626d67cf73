// How much of a config file Fion reads and reports.

/** Config files larger than this are refused: they are not configs, and would stall startup. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Errors reported per file, at most (then one saying how many more there were). */
export const MAX_ERRORS = 50;

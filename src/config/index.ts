// Fion's configuration: see config/fion.yaml for the format.
export type { BarConfig, Colors, Config, ConfigError, KeyBinding, LoadResult, ModeConfig, Validators } from './types.js';
// The running window manager imports load.ts itself: this index loads the YAML parser.
export { checkConfigFile, formatConfigError, loadConfig, loadDefaults, loadSystemDefaults, readConfigFile } from './load.js';
export { parseConfig, type ParseResult } from './parse.js';
export { MAX_CONFIG_BYTES, MAX_ERRORS } from './limits.js';
export { cloneConfig } from './defaults.js';
export { defaultConfigPath, systemConfigPaths, userConfigPath } from './paths.js';
export { fallbackConfig } from './defaults.js';
export { configProblems } from './validate.js';
export { parseColor, splitWords } from './kinds.js';
export { SETTINGS, type Setting } from './settings.js';

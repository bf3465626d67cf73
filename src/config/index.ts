// Fion's configuration: see config/fion.yaml for the format.
export type { BarConfig, Colors, Config, ConfigError, KeyBinding, LoadResult, ModeConfig, Validators } from './types.js';
export { checkConfigFile, formatConfigError, loadConfig, loadDefaults, parseConfig, readConfigFile, MAX_CONFIG_BYTES } from './load.js';
export type { ParseResult } from './load.js';
export { defaultConfigPath, userConfigPath } from './paths.js';
export { fallbackConfig } from './defaults.js';
export { configProblems, parseColor, splitWords } from './validate.js';

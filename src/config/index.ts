// Fion's configuration: see config/fion.yaml for the format.
export type { BarConfig, Colors, Config, ConfigError, KeyBinding, LoadResult, ModeConfig, Validators } from './types.js';
export { checkConfigFile, cloneConfig, formatConfigError, loadConfig, loadDefaults, loadSystemDefaults, parseConfig, readConfigFile, MAX_CONFIG_BYTES, MAX_ERRORS } from './load.js';
export type { ParseResult } from './load.js';
export { defaultConfigPath, systemConfigPaths, userConfigPath } from './paths.js';
export { fallbackConfig } from './defaults.js';
export { configProblems } from './validate.js';
export { parseColor, splitWords } from './kinds.js';
export { SETTINGS, type Setting } from './settings.js';

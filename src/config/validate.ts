// Whether a Config holds what the loader promises, as a list of problems (empty
// when valid): every plain setting by the table's checks, then the bindings and
// modes. Used by tests; cheap enough for a startup assert.

import { bindingProblems } from './bindings.js';
import { SETTINGS, settingsIn } from './settings.js';
import type { Config, Validators } from './types.js';

export function configProblems(config: Config, validators: Validators = {}): string[] {
  const problems: string[] = [];
  for (const s of SETTINGS) {
    const problem = s.problem(config);
    if (problem !== null) problems.push(`${s.path} ${problem}`);
  }
  // Colours are all settings: any other key in the object is one the table does not know.
  if (Object.keys(config.colors).length !== settingsIn('colors').length) problems.push('colors has extra keys');
  problems.push(...bindingProblems(config, validators));
  return problems;
}

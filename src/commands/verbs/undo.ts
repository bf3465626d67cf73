// Undo and redo: taking back the layout commands whose verbs say they are undoable (see
// executeCommand), and doing them again. The bar says which (`undo: tile kill`).
import { nothingTo, redo as redoStep, undo as undoStep } from '../../model/index.js';
import { args } from '../grammar.js';
import { only, type Outcome } from '../outcome.js';
import { verb } from '../verb.js';
import type { Model } from '../../model/index.js';

function travel(model: Model, what: 'undo' | 'redo'): Outcome {
  const r = what === 'undo' ? undoStep(model) : redoStep(model);
  return r === null ? only(nothingTo(model, what)) : { model: r.model, effects: [{ kind: 'note', text: `${what}: ${r.label}` }] };
}

export const undo = verb({
  word: 'undo',
  help: 'undo — take back the last layout command (split, kill, resize, moves, float, fullscreen, workspaces)',
  examples: ['undo'],
  grammar: args({}),
  run: (model) => travel(model, 'undo'),
});

export const redo = verb({
  word: 'redo',
  help: 'redo — do again the layout command undo took back',
  examples: ['redo'],
  grammar: args({}),
  run: (model) => travel(model, 'redo'),
});

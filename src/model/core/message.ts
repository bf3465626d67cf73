// Messages: operations set `message` only when they refuse something; they never clear
// it. Whoever runs a new user action (executeCommand) clears it first.
import type { Model } from '../types.js';

export function clearMessage(model: Model): Model {
  return model.message === null ? model : { ...model, message: null };
}

export function refuse(model: Model, text: string): Model {
  return { ...model, message: text };
}

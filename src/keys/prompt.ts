// A one-line prompt in the bar (renaming a workspace): keys build a text
// until Return runs the command with it, or Escape drops it. Or a question
// answered by one key (restore the last session? y/n). Pure.
import { quoteWord } from '../commands/index.js';

export interface Prompt {
  /** What the bar shows before the text ("rename workspace"). */
  readonly label: string;
  /** The command the text completes ("workspace rename"). */
  readonly command: string;
  readonly text: string;
  /** A question instead of a line: each key (`y`) runs its command at once ('' runs none);
   *  other keys are ignored, Escape drops it. */
  readonly answers?: Readonly<Record<string, string>>;
}

export interface PromptKey {
  /** The key's keysym name (Return, Escape, BackSpace, ...). */
  readonly keysym: string;
  /** The character it types, if any. */
  readonly char: string | null;
  readonly ctrl: boolean;
}

export type PromptResult =
  | { readonly kind: 'open'; readonly prompt: Prompt }
  | { readonly kind: 'done'; readonly command: string }
  | { readonly kind: 'cancelled' };

const MAX_TEXT = 200;

export function promptKey(p: Prompt, key: PromptKey): PromptResult {
  if (p.answers !== undefined) {
    if (key.keysym === 'Escape') return { kind: 'cancelled' };
    const answer = key.char === null || key.ctrl ? undefined : Object.hasOwn(p.answers, key.char) ? p.answers[key.char] : undefined;
    if (answer === undefined) return { kind: 'open', prompt: p };
    return answer === '' ? { kind: 'cancelled' } : { kind: 'done', command: answer };
  }
  switch (key.keysym) {
    case 'Escape':
      return { kind: 'cancelled' };
    case 'Return':
    case 'KP_Enter': {
      const text = p.text.trim();
      return text === '' ? { kind: 'cancelled' } : { kind: 'done', command: `${p.command} ${quoteWord(text)}` };
    }
    case 'BackSpace':
      return { kind: 'open', prompt: { ...p, text: [...p.text].slice(0, -1).join('') } };
  }
  if (key.ctrl && key.keysym === 'u') return { kind: 'open', prompt: { ...p, text: '' } };
  if (key.ctrl || key.char === null || [...p.text].length >= MAX_TEXT) return { kind: 'open', prompt: p };
  return { kind: 'open', prompt: { ...p, text: p.text + key.char } };
}

/** What the bar shows while the prompt is open. */
export const promptText = (p: Prompt): string =>
  (p.answers === undefined ? `${p.label}: ${p.text}_` : `${p.label} [${Object.keys(p.answers).join('/')}]`);

// Marks (i3's): a name on a window, unique, for criteria (`[con_mark=mail] focus`) and for
// moving windows to the marked one's tile.
import { focusedClient, mark as markWindow, moveToMark, refuse, unmark as unmarkWindows, type MarkHow } from '../../model/index.js';
import { actions, args, fail, oneOf, word, type Grammar } from '../grammar.js';
import { quoteWord } from '../../text/words.js';
import { only } from '../outcome.js';
import { verb } from '../verb.js';

/** `[--add|--toggle] NAME`, as i3 writes it (`--add --toggle` adds or takes off). */
const markArgs: Grammar<{ readonly how: MarkHow; readonly add: boolean; readonly name: string }> = {
  read(words, at) {
    let add = false;
    let toggle = false;
    let rest = words;
    while (rest[0] === '--add' || rest[0] === '--replace' || rest[0] === '--toggle') {
      if (rest[0] === '--add') add = true;
      if (rest[0] === '--toggle') toggle = true;
      rest = rest.slice(1);
    }
    const [name, ...more] = rest;
    if (name === undefined || name === '') return fail(`${at.prefix}: expected a mark name`);
    if (more.length > 0) return fail(`${at.prefix}: unexpected "${more[0]}"`);
    return { ok: true, value: { how: toggle ? 'toggle' : add ? 'add' : 'replace', add, name }, rest: [] };
  },
  write: (v) => [...(v.add ? ['--add'] : []), ...(v.how === 'toggle' ? ['--toggle'] : []), quoteWord(v.name)],
};

const optionalName: Grammar<string | null> = {
  read: ([name, ...rest], at) => (rest.length > 0 ? fail(`${at.prefix}: unexpected "${rest[0]}"`) : { ok: true, value: name ?? null, rest: [] }),
  write: (v) => (v === null ? [] : [quoteWord(v)]),
};

export const mark = verb({
  word: 'mark',
  help: 'mark [--add|--toggle] NAME — mark the focused window NAME (a mark names one window: it leaves the one that had it)',
  examples: ['mark mail', 'mark --add editor', 'mark --toggle x', 'mark --add --toggle x'],
  grammar: args({ mark: markArgs }),
  run(model, command, ctx) {
    const id = ctx.target ?? focusedClient(model);
    if (id === null) return only(refuse(model, 'mark: no window has the focus'));
    return only(markWindow(model, id, command.mark.name, command.mark.how, !command.mark.add));
  },
});

export const unmark = verb({
  word: 'unmark',
  help: 'unmark [NAME] — take the mark NAME off, or every mark (with criteria: the matched windows\' marks)',
  examples: ['unmark', 'unmark mail'],
  grammar: args({ name: optionalName }),
  run: (model, command, ctx) => only(unmarkWindows(model, command.name, ctx.target ?? null)),
});

export const move = verb({
  word: 'move',
  help: 'move window to mark NAME — move the focused window into the tile of the window marked NAME',
  examples: ['move window to mark mail'],
  grammar: actions({ window: { to: oneOf(['to']), mark: oneOf(['mark']), name: word('a mark name') } }),
  run(model, command, ctx) {
    const id = ctx.target ?? focusedClient(model);
    if (id === null) return only(refuse(model, 'move window: no window has the focus'));
    const next = moveToMark(model, id, command.name);
    return only(typeof next === 'string' ? refuse(model, `move window to mark: ${next}`) : next);
  },
});

// A workspace's tiles saved to a file, and loaded back as tiles waiting for their windows.
// The file is Wm's to write and read: commands do no I/O.
import { saveLayout } from '../../model/index.js';
import { actions, word } from '../grammar.js';
import { verb } from '../verb.js';

const file = { path: word('a file name') };

export const layout = verb({
  word: 'layout',
  help: 'layout save FILE — write this workspace\'s tiles to FILE (JSON); layout load FILE — put those tiles where the focused tile is, waiting for their windows',
  examples: ['layout save /tmp/web.json', `layout load 'my layouts/web.json'`],
  grammar: actions({ save: file, load: file }),
  run: (model, command) =>
    command.action === 'save'
      ? { model, effects: [{ kind: 'layout-save', path: command.path, layout: saveLayout(model) }] }
      : { model, effects: [{ kind: 'layout-load', path: command.path }] },
});

// Pure: criteria (`[class="^Firefox$" title="mail"]`), as i3 writes them, read and matched
// against the model's windows. One parser and one matcher for Fion's own command language
// (key bindings, fion msg, rules) and the i3 socket's RUN_COMMAND. Values are regular
// expressions as in i3 (JavaScript's dialect here), so criteria copied from an i3 config
// mean the same: `^XTerm$` for exact text.
// JavaScript's engine backtracks, so patterns that could take ages on a long title are
// refused (a repeated group holding a repetition or an alternative, more than three
// unbounded repetitions, back-references) and titles are matched on their first 256
// characters: no peer can stall Fion with a pattern.
import { findClient, focusedClient, floatingOf, tiles, urgentClients, type Model, type WindowId } from '../model/index.js';
import { windowOfConId } from './conids.js';

export type Criterion =
  | { readonly key: TextKey; readonly re: RegExp | 'focused' }
  | { readonly key: 'id'; readonly window: number }
  | { readonly key: 'con_id'; readonly window: number | 'focused' }
  | { readonly key: 'urgent'; readonly which: 'latest' | 'oldest' | 'any' }
  | { readonly key: 'floating' | 'tiling' | 'all' };

type TextKey = 'class' | 'instance' | 'title' | 'workspace' | 'window_role' | 'window_type' | 'con_mark';

export type CriteriaRead = { readonly ok: true; readonly criteria: readonly Criterion[]; readonly rest: string } | { readonly ok: false; readonly error: string };

const MAX_PATTERN = 200;
/** Longest text a pattern is tried on: titles can be anything a client sets. */
const MAX_SUBJECT = 256;
const UNSUPPORTED: Readonly<Record<string, string>> = {
  machine: 'Fion does not keep WM_CLIENT_MACHINE',
};

function regex(key: string, pattern: string): RegExp | string {
  if (pattern.length > MAX_PATTERN) return `${key}: a pattern longer than ${MAX_PATTERN} characters`;
  const unbounded = pattern.replace(/\\./g, '').match(/[*+]|\{\d*,\}/g)?.length ?? 0;
  if (/\\[1-9]|\\k</.test(pattern) || /\((?:[^()\\]|\\.)*[*+}|](?:[^()\\]|\\.)*\)[*+?{]/.test(pattern) || unbounded > 3) {
    return `${key}: "${pattern}" could take ages to match (nested or many repetitions, back-references); Fion refuses it`;
  }
  try {
    return new RegExp(pattern);
  } catch (e) {
    return `${key}: bad regular expression "${pattern}": ${e instanceof Error ? e.message : String(e)}`;
  }
}

function windowNumber(v: string): number | null {
  const n = /^0x[0-9a-f]+$/i.test(v) ? parseInt(v, 16) : /^[0-9]+$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** Read `[...]` at the start of `text` (after blanks); `rest` is the command after it. */
export function parseCriteria(text: string): CriteriaRead {
  const out: Criterion[] = [];
  let i = text.indexOf('[') + 1;
  const fail = (error: string): CriteriaRead => ({ ok: false, error: `criteria: ${error}` });
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (i >= text.length) return fail('missing "]"');
    if (text[i] === ']') return { ok: true, criteria: out, rest: text.slice(i + 1).trim() };
    const key = /^[a-z_]+/.exec(text.slice(i))?.[0];
    if (key === undefined) return fail(`unexpected "${text[i]}"`);
    i += key.length;
    let value: string | null = null;
    if (text[i] === '=') {
      i++;
      if (text[i] === '"') {
        let v = '';
        // As in i3, only \" is an escape: other backslashes belong to the pattern.
        for (i++; i < text.length && text[i] !== '"'; i++) v += text[i] === '\\' && text[i + 1] === '"' ? text[++i] : text[i];
        if (i >= text.length) return fail('a value\'s closing quote is missing');
        i++;
        value = v;
      } else {
        const m = /^[^\s\]]*/.exec(text.slice(i))![0];
        i += m.length;
        value = m;
      }
    }
    const reason = UNSUPPORTED[key];
    if (reason !== undefined) return fail(`${key} is not supported: ${reason}`);
    switch (key) {
      case 'class':
      case 'instance':
      case 'title':
      case 'workspace':
      case 'window_role':
      case 'window_type':
      case 'con_mark': {
        if (value === null) return fail(`${key} needs a value`);
        if (value === '__focused__') { out.push({ key, re: 'focused' }); break; }
        const re = regex(key, value);
        if (typeof re === 'string') return fail(re);
        out.push({ key, re });
        break;
      }
      case 'id': {
        const n = value === null ? null : windowNumber(value);
        if (n === null) return fail(`id: expected an X window id, got ${JSON.stringify(value ?? '')}`);
        out.push({ key, window: n });
        break;
      }
      case 'con_id': {
        const n = value === '__focused__' ? 'focused' : value === null ? null : windowOfConId(Number(value));
        if (n === null) return fail(`con_id: ${JSON.stringify(value ?? '')} is not a window's container id`);
        out.push({ key, window: n });
        break;
      }
      case 'urgent': {
        // i3's words: latest, newest, recent, last; oldest, first. Without a value: any.
        const which = value === null ? 'any'
          : ['latest', 'newest', 'recent', 'last'].includes(value) ? 'latest'
          : ['oldest', 'first'].includes(value) ? 'oldest' : null;
        if (which === null) return fail(`urgent: expected latest or oldest, got ${JSON.stringify(value)}`);
        out.push({ key, which });
        break;
      }
      case 'floating':
      case 'tiling':
      case 'all':
        out.push({ key });
        break;
      default:
        return fail(`unknown criterion "${key}"`);
    }
  }
}

/** Every window in workspace order (tiles in reading order, their tabs, then floats). */
function windowsInOrder(model: Model): WindowId[] {
  return model.workspaces.flatMap((ws) => [...tiles(ws.root).flatMap((t) => t.tabs), ...floatingOf(ws)]);
}

/** The windows matching all of `criteria`, in workspace order. */
export function matchCriteria(model: Model, criteria: readonly Criterion[]): WindowId[] {
  const focus = focusedClient(model);
  const wsName = (id: WindowId): string => {
    const at = findClient(model, id);
    return model.workspaces.find((w) => w.id === at?.workspace)?.name ?? '';
  };
  const text = (id: WindowId, key: Exclude<TextKey, 'con_mark'>): string => {
    const c = model.clients.get(id);
    switch (key) {
      case 'workspace': return wsName(id);
      case 'window_role': return c?.role ?? '';
      case 'window_type': return c?.windowType ?? 'normal';
      default: return c?.[key] ?? '';
    }
  };
  const marks = (id: WindowId): readonly string[] => model.clients.get(id)?.marks ?? [];
  // As in i3, urgent=latest|oldest is the one window urgent most recently | longest of all,
  // whatever else the criteria say.
  const urgent = urgentClients(model);
  const latest = urgent[urgent.length - 1];
  const oldest = urgent[0];
  return windowsInOrder(model).filter((id) => criteria.every((c) => {
    switch (c.key) {
      case 'class':
      case 'instance':
      case 'title':
      case 'workspace':
      case 'window_role':
      case 'window_type':
        return c.re === 'focused' ? focus !== null && text(id, c.key) === text(focus, c.key) : c.re.test(text(id, c.key).slice(0, MAX_SUBJECT));
      case 'id':
        return id === c.window;
      case 'con_id':
        return c.window === 'focused' ? id === focus : id === c.window;
      case 'floating':
        return findClient(model, id)?.floating === true;
      case 'tiling':
        return findClient(model, id)?.floating !== true;
      case 'con_mark': {
        // __focused__: any mark the focused window has.
        const re = c.re;
        return re === 'focused' ? focus !== null && marks(id).some((m) => marks(focus).includes(m)) : marks(id).some((m) => re.test(m.slice(0, MAX_SUBJECT)));
      }
      case 'urgent':
        return c.which === 'latest' ? id === latest : c.which === 'oldest' ? id === oldest : model.clients.get(id)?.urgent === true;
      case 'all':
        return true;
    }
  }));
}

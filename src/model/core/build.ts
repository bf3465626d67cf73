// Building model tiles from a saved tree (a layout file, a session), and what a saved tab
// matches. Pure; shared by the layouts loaded by hand and the sessions restored at start.
import { tileId } from './ids.js';
import { textMatches } from '../../text/match.js';
import type { Client, Node, Placeholder, SavedNode, TabMatch } from '../types.js';

/** Whether a client fits a waiting tab's description (every given field must match). */
export function matchesClient(m: TabMatch, c: Client): boolean {
  if (m.class === undefined && m.instance === undefined && m.title === undefined) return false;
  return textMatches(m.class, c.class) && textMatches(m.instance, c.instance) && textMatches(m.title, c.title);
}

/** Build model nodes from a saved tree: fresh ids, ratios normalised, splits of one child
 *  collapsed and a split inside one of the same axis flattened (the tree's invariants). */
export function build<T extends TabMatch>(saved: SavedNode<T>, next: () => number, waiting: (tab: T) => Placeholder = (t) => t): Node {
  if (saved.kind === 'tile') {
    return { kind: 'tile', id: tileId(next()), tabs: [], recent: [], ...(saved.tabs.length > 0 ? { waiting: saved.tabs.map(waiting) } : {}) };
  }
  const children: Node[] = [];
  const ratios: number[] = [];
  const sum = saved.ratios.reduce((a, b) => a + b, 0);
  saved.children.forEach((c, i) => {
    const child = build(c, next, waiting);
    const r = saved.ratios[i]! / sum;
    if (child.kind === 'split' && child.axis === saved.axis) {
      children.push(...child.children);
      ratios.push(...child.ratios.map((x) => x * r));
    } else {
      children.push(child);
      ratios.push(r);
    }
  });
  if (children.length === 1) return children[0]!;
  return { kind: 'split', id: tileId(next()), axis: saved.axis, children, ratios };
}


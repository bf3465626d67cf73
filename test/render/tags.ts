// The click target of a cell written as a short word ('ws:0', 'tab:2', 'clock'), so tests
// can state a whole strip's targets in one line.
import type { SceneCell, Strip } from '../../src/render/scene.js';
import { stripKey } from '../../src/render/scene.js';

export function tagOf(c: SceneCell): string | undefined {
  const t = c.target;
  if (t === undefined) return undefined;
  switch (t.kind) {
    case 'workspace': return `ws:${t.index}`;
    case 'tab': return `tab:${t.index}`;
    case 'status': return `status:${t.block}`;
    default: return t.kind;
  }
}

export const keyOf = (s: Strip): string => stripKey(s.target);

// Next/previous with wrap-around: tiles, tabs, workspaces and monitors all cycle alike.

export type Cycle = 'next' | 'prev';

/** The index after/before `index` among `length` items, wrapping around at both ends. */
export function step(index: number, length: number, which: Cycle): number {
  return (index + (which === 'next' ? 1 : -1) + length) % length;
}

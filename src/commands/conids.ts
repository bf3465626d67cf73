// The container ids of the i3 tree (GET_TREE), derived from the model's own ids so they are
// stable across calls. Criteria (`[con_id=...]`) read them back to windows, so the scheme
// lives here, beside the criteria, and src/ipc builds the tree with it.

// Every kind has its own tag in the low 4 bits: a tile, a workspace and a window with the
// same number in the model get different ids.
const TAG = { root: 1, output: 2, content: 3, dock: 4, workspace: 5, node: 6, window: 7, floatCon: 8 } as const;
const idOf = (tag: number, n: number): number => n * 16 + tag;
export const i3Id = {
  root: idOf(TAG.root, 0),
  output: (index: number) => idOf(TAG.output, index),
  content: (index: number) => idOf(TAG.content, index),
  dock: (n: number) => idOf(TAG.dock, n),
  workspace: (id: number) => idOf(TAG.workspace, id),
  node: (id: number) => idOf(TAG.node, id),
  window: (id: number) => idOf(TAG.window, id),
  floatCon: (id: number) => idOf(TAG.floatCon, id),
};

/** The window a container id of the tree stands for (its own node or its floating_con), or null. */
export function windowOfConId(id: number): number | null {
  const tag = id % 16;
  return Number.isSafeInteger(id) && id > 0 && (tag === TAG.window || tag === TAG.floatCon) ? (id - tag) / 16 : null;
}

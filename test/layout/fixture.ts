// A big model for benchmarks and tests: many clients spread over many workspaces.
import { addClient, createModel, createWorkspace, focusTile, gotoWorkspace, splitTile, windowId } from '../../src/model/index.js';
import type { Model } from '../../src/model/index.js';

/**
 * `clients` clients over `workspaces` workspaces on one 1920x1080 monitor; each workspace
 * is split in two and its clients alternate between the halves. Workspace 1 is shown.
 */
export function largeModel(clients = 1000, workspaces = 100): Model {
  let model = createModel([{ name: 'screen0', screen: 0, rect: { x: 0, y: 0, width: 1920, height: 1080 } }]);
  for (let w = 1; w < workspaces; w++) model = createWorkspace(model);
  for (let w = 1; w <= workspaces; w++) {
    model = splitTile(gotoWorkspace(model, w), 'vertical');
  }
  for (let c = 0; c < clients; c++) {
    model = gotoWorkspace(model, (c % workspaces) + 1);
    // Each round after the first switches halves, so clients alternate between them.
    if (c >= workspaces) model = focusTile(model, 'next');
    model = addClient(model, { id: windowId(c + 1), title: `client ${c + 1}`, instance: 'xterm', class: 'XTerm', urgent: false });
  }
  return gotoWorkspace(model, 1);
}

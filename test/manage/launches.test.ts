// The launch table: startup ids, expiry, process ancestry from /proc stat text, and which
// launch a new window belongs to; and where the model puts such a window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ancestry, expired, launchOf, startupId, type Launch } from '../../src/manage/launches.js';
import * as M from '../../src/model/index.js';
import { client, monitor, w, wsShape } from '../model/support.js';

const at = (pid: number | null, ws: number, tile: number, t: number): Launch => ({ pid, workspace: ws as M.WorkspaceId, tile: tile as M.TileId, at: t });

test('startup ids name Fion, its pid, a counter, the program and _TIME', () => {
  assert.equal(startupId(1234, 7, '/usr/bin/x-terminal-emulator', 1700000000123), `fion-1234-7-x-terminal-emulator_TIME${1700000000123 % 2 ** 32}`);
  assert.match(startupId(1, 1, 'we ird/$(x)', 5), /^fion-1-1-x_TIME5$/);
  assert.match(startupId(1, 2, '', 5), /^fion-1-2-program_TIME5$/);
});

test('ancestry follows ppid in stat text, with odd command names, and stops at 1, loops and gone processes', () => {
  const stats: Record<number, string> = {
    500: '500 (sh) S 400 500 1 0', 400: '400 (my (odd) name) S 300 1 1', 300: '300 (init-ish) S 1 1 1', 600: '600 (a) S 601', 601: '601 (b) S 600',
  };
  const read = (p: number): string | null => stats[p] ?? null;
  assert.deepEqual(ancestry(500, read), [500, 400, 300]);
  assert.deepEqual(ancestry(600, read), [600, 601]);
  assert.deepEqual(ancestry(999, read), [999]);
  assert.deepEqual(ancestry(1, read), []);
});

test('a window belongs to the launch of its startup id, else of an ancestor pid (the newest); expired ones never', () => {
  const table = new Map([['a_TIME1', at(100, 1, 2, 1000)], ['b_TIME2', at(200, 3, 4, 2000)], ['c_TIME3', at(100, 5, 6, 3000)]]);
  assert.deepEqual(launchOf(table, { startupId: 'b_TIME2', pids: [] }, 4000, 30000), at(200, 3, 4, 2000));
  assert.deepEqual(launchOf(table, { startupId: '', pids: [150, 100, 1] }, 4000, 30000), at(100, 5, 6, 3000));
  assert.equal(launchOf(table, { startupId: 'other', pids: [7, 8] }, 4000, 30000), null);
  assert.equal(launchOf(table, { startupId: 'b_TIME2', pids: [200] }, 2000 + 30001, 30000), null, 'expired');
  assert.deepEqual([...expired(table, 2000 + 30000, 30000).keys()], ['b_TIME2', 'c_TIME3']);
  assert.equal(expired(table, 0, 30000), table, 'nothing expired: the same table');
  assert.equal(launchOf(new Map([['x', at(null, 1, 2, 0)]]), { startupId: '', pids: [5] }, 1, 30000), null, 'no pid yet');
});

test('placeLaunched: in the launch tile; focused where the user is, urgent elsewhere; a gone tile falls back', () => {
  let m = M.addClient(M.createModel([monitor('A')], ['one']), client(1));
  m = M.splitTile(m, 'vertical', M.NO_MIN_SHARE); // tiles #2 [1] and #3 (focused)
  const one = m.workspaces[0]!;
  // Still on that workspace: into tile #2, focused.
  const here = M.placeLaunched(M.addClient(m, client(2)), w(2), one.id, 2 as M.TileId);
  assert.equal(wsShape(here), 'row(#2[1,2*] #3)');
  assert.equal(M.focusedClient(here), w(2));
  assert.equal(here.clients.get(w(2))!.urgent, false);
  // Moved on to another workspace: lands in #2 there, urgent; the focus stays.
  const away = M.createWorkspace(m, 'two');
  const placed = M.placeLaunched(M.addClient(away, client(2)), w(2), one.id, 2 as M.TileId);
  assert.equal(wsShape(placed, 0), 'row(#2[1,2*] #3)');
  assert.equal(M.focusedWorkspace(placed).name, 'two');
  assert.equal(M.focusedClient(placed), null);
  assert.equal(placed.clients.get(w(2))!.urgent, true);
  assert.equal(placed.workspaces[0]!.focus, one.focus, 'that workspace keeps its focused tile');
  // The tile is gone: that workspace's focused tile.
  const gone = M.placeLaunched(M.addClient(away, client(2)), w(2), one.id, 99 as M.TileId);
  assert.equal(wsShape(gone, 0), 'row(#2[1*] #3[2*])');
  // The workspace is gone: unchanged.
  const nowhere = M.addClient(away, client(2));
  assert.equal(M.placeLaunched(nowhere, w(2), 999 as M.WorkspaceId, 2 as M.TileId), nowhere);
});

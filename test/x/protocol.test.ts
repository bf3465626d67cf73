// The protocol's numbers in src/x/protocol.ts against a second, independent source: the
// x11 package's own request packers, event table and masks (what actually goes on the wire).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import {
  ConfigMask, ConfigGeometryMask, ErrorCode, EventCode, EventMask, MapState, Opcode, WindowClass, errorName,
} from '../../src/x/protocol.js';
import * as types from '../../src/x/types.js';

const require = createRequire(import.meta.url);
type Packer = (...args: unknown[]) => Buffer;
const requests = require('x11/lib/corereqs.js') as Record<string, [Packer]>;
const events = require('x11/lib/generated/core-events.js') as { eventTypes: Record<string, number> };
const x11 = require('x11') as { eventMask: Record<string, number>; InputOutput: number; InputOnly: number };

/** Arguments the x11 package's packer of each request accepts. */
const SAMPLE: Record<keyof typeof Opcode, unknown[]> = {
  CreateWindow: [1, 2, 0, 0, 1, 1, 0, 0, 1, 0, {}], ChangeWindowAttributes: [1, { eventMask: 1 }], GetWindowAttributes: [1],
  DestroyWindow: [1], ChangeSaveSet: [1, 1], ReparentWindow: [1, 2, 0, 0], MapWindow: [1], UnmapWindow: [1],
  ConfigureWindow: [1, { x: 1 }], GetGeometry: [1], QueryTree: [1], InternAtom: [false, 'A'], GetAtomName: [1],
  ChangeProperty: [0, 1, 2, 3, 8, Buffer.from('a')], DeleteProperty: [1, 2], GetProperty: [0, 1, 2, 0, 0, 1],
  SetSelectionOwner: [1, 2, 0], GetSelectionOwner: [1], SendEvent: [1, 0, 0, Buffer.alloc(32)],
  GrabButton: [1, 0, 4, 0, 1, 0, 0, 0, 0x8000], UngrabButton: [1, 0, 0x8000], GrabKeyboard: [1, 1, 0, 1, 1], UngrabKeyboard: [0],
  GrabKey: [1, 1, 0, 38, 1, 1], UngrabKey: [1, 0, 0x8000], AllowEvents: [2, 0], GrabServer: [], UngrabServer: [],
  SetInputFocus: [1, 1], GetInputFocus: [], OpenFont: [1, 'fixed'], QueryFont: [1], CreatePixmap: [1, 2, 24, 1, 1],
  FreePixmap: [1], CreateGC: [1, 2, {}], ChangeGC: [1, { foreground: 1 }], CopyArea: [1, 2, 3, 0, 0, 0, 0, 1, 1],
  PolyFillRectangle: [1, 2, [0, 0, 1, 1]], ImageText16: [1, 2, 0, 0, 'a'], PutImage: [2, 1, 2, 1, 1, 0, 0, 0, 24, Buffer.alloc(4)], GetKeyboardMapping: [8, 1], GetModifierMapping: [],
  KillClient: [1], GrabPointer: [1, 0, 0, 1, 1, 0, 0, 0], UngrabPointer: [0], QueryPointer: [1], WarpPointer: [0, 1, 0, 0, 0, 0, 1, 1],
};

test('every named opcode is the first byte the x11 package writes for that request', () => {
  for (const [name, opcode] of Object.entries(Opcode)) {
    const packer = requests[name]?.[0];
    assert.ok(packer, `x11 has a ${name}`);
    assert.equal(packer(...SAMPLE[name as keyof typeof Opcode])[0], opcode, name);
  }
});

test('ConfigMask bits are the value-mask ConfigureWindow sends for each field', () => {
  const fields = { x: ConfigMask.X, y: ConfigMask.Y, width: ConfigMask.Width, height: ConfigMask.Height,
    borderWidth: ConfigMask.BorderWidth, sibling: ConfigMask.Sibling, stackMode: ConfigMask.StackMode };
  for (const [field, bit] of Object.entries(fields)) {
    const packed = requests.ConfigureWindow![0](1, { [field]: 1 });
    assert.equal(packed.readUInt16LE(8), bit, field);
  }
  assert.equal(ConfigGeometryMask, 15);
});

test('event codes and event masks match the x11 package', () => {
  for (const [name, code] of Object.entries(EventCode)) assert.equal(events.eventTypes[name], code, name);
  for (const [name, mask] of Object.entries(EventMask)) assert.equal(x11.eventMask[name], mask, name);
  assert.deepEqual([WindowClass.InputOutput, WindowClass.InputOnly], [x11.InputOutput, x11.InputOnly]);
  assert.deepEqual(Object.values(MapState), [0, 1, 2]);
});

test('error codes are named as the protocol names them; unknown ones say their number', () => {
  assert.equal(errorName(ErrorCode.BadWindow), 'BadWindow');
  assert.equal(errorName(3), 'BadWindow');
  assert.equal(errorName(13), 'BadGC');
  assert.equal(errorName(200), 'X error 200');
  assert.deepEqual(Object.values(ErrorCode), Array.from({ length: 17 }, (_, i) => i + 1));
});

test('types.ts still exports the constants it used to define', () => {
  assert.equal(types.EventMask, EventMask);
  assert.equal(types.ErrorCode.BadWindow, 3);
  assert.equal(types.CurrentTime, 0);
  assert.equal(types.None, 0);
});

// Rules' output: and run: keys (i3's assign to an output, and for_window).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fallbackConfig } from '../../src/config/defaults.js';
import { parseConfig } from '../../src/config/index.js';
import { parseCommand } from '../../src/commands/index.js';
import { ruleActions } from '../../src/manage/rules.js';

const command = (t: string): string | null => { const r = parseCommand(t); return r.ok ? null : r.error; };

test('rules read output and run (or commands); run is checked command by command', () => {
  const r = parseConfig([
    'rules:',
    '  - {class: Mail, output: HDMI-1, run: "tab float; mark mail"}',
    '  - {class: "/^Ma/", commands: "mark --add m2"}',
    '  - {class: Bad, run: "tab float; frobnicate"}',
    '  - {class: Empty}',
  ].join('\n'), 'c.yaml', fallbackConfig(), { command });
  assert.deepEqual(r.errors.map((e) => e.message), ['rules.run: unknown command "frobnicate"', 'rules: a rule needs float, workspace, sticky, corner, output or run']);
  const a = ruleActions(r.config.rules, { class: 'Mail', instance: '', title: '' });
  assert.equal(a.output, 'HDMI-1');
  assert.deepEqual(a.run, ['tab float; mark mail', 'mark --add m2'], 'every matching rule\'s commands, in order');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleActions } from '../../src/manage/rules.js';
import type { Rule } from '../../src/config/types.js';

const rules: Rule[] = [
  { match: { class: 'Gimp' }, float: true, line: 1 },
  { match: { title: '/^mail/' }, workspace: 'mail', line: 2 },
  { match: { class: 'Gimp', instance: 'toolbox' }, float: false, workspace: 'art', line: 3 },
];
const w = (klass: string, instance: string, title: string): { class: string; instance: string; title: string } =>
  ({ class: klass, instance, title });

test('the first rule that sets an action wins; all given fields must match', () => {
  assert.deepEqual(ruleActions(rules, w('Gimp', 'gimp', 'x')), { float: true });
  assert.deepEqual(ruleActions(rules, w('Gimp', 'toolbox', 'x')), { float: true, workspace: 'art' });
  assert.deepEqual(ruleActions(rules, w('Thunderbird', 'tb', 'mail - inbox')), { workspace: 'mail' });
  assert.deepEqual(ruleActions(rules, w('xterm', 'xterm', 'shell')), {});
  assert.deepEqual(ruleActions(rules, w('gimp', 'gimp', 'x')), {}, 'exact text is case-sensitive');
});

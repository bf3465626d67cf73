// `rules:` what to do with windows by WM_CLASS or title. A list, not settings:
// a user's rules are put before the shipped ones rather than merged key by key.

import { isScalar, isSeq } from 'yaml';
import { suggest } from './suggest.js';
import { splitStatements } from '../text/words.js';
import type { Config, Rule } from './types.js';
import { isNull, type YamlWalk } from './yamlwalk.js';

const RULE_KEYS = ['class', 'instance', 'title', 'float', 'workspace', 'sticky', 'corner', 'output', 'run', 'commands'];
const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;

/** `rules:` a list of {class|instance|title: text or /regex/, float: bool, workspace: name,
 *  sticky: bool, corner: top-left|top-right|bottom-left|bottom-right, output: monitor name,
 *  run: commands}. `command` checks each command of `run`. */
export function readRules(w: YamlWalk, config: Config, node: unknown, at: unknown, command?: (text: string) => string | null): void {
  if (isNull(node)) return;
  if (!isSeq(node)) {
    w.error(node ?? at, 'rules: expected a list, e.g. [{class: Gimp, float: true}]');
    return;
  }
  const rules: Rule[] = [];
  for (const item of node.items) {
    const map = w.mapping(w.deref(item, node), item ?? node, 'rules');
    if (map === null) continue;
    const rule: Rule = { match: {}, line: w.lineOf(item ?? map), file: w.file };
    let ok = true;
    for (const { key, pair } of w.entries(map, 'rules')) {
      const value = w.valueOf(pair);
      if (key === 'class' || key === 'instance' || key === 'title') {
        const text = w.scalarText(value);
        if (text === null || text === '') { w.error(pair, `rules.${key}: expected text or /regex/`); ok = false; continue; }
        const re = /^\/(.*)\/$/s.exec(text);
        if (re !== null) {
          try { new RegExp(re[1] ?? ''); } catch (e) {
            w.error(value ?? pair, `rules.${key}: bad regular expression: ${e instanceof Error ? e.message : String(e)}`);
            ok = false;
            continue;
          }
        }
        rule.match[key] = text;
      } else if (key === 'float') {
        if (!isScalar(value) || typeof value.value !== 'boolean') { w.error(pair, 'rules.float: expected true or false'); ok = false; continue; }
        rule.float = value.value;
      } else if (key === 'sticky') {
        if (!isScalar(value) || typeof value.value !== 'boolean') { w.error(pair, 'rules.sticky: expected true or false'); ok = false; continue; }
        rule.sticky = value.value;
      } else if (key === 'corner') {
        const text = w.scalarText(value);
        const corner = CORNERS.find((c) => c === text);
        if (corner === undefined) { w.error(pair, `rules.corner: expected one of ${CORNERS.join(', ')}`); ok = false; continue; }
        rule.corner = corner;
      } else if (key === 'workspace') {
        const text = w.scalarText(value);
        if (text === null || text.trim() === '') { w.error(pair, 'rules.workspace: expected a workspace name'); ok = false; continue; }
        rule.workspace = text.trim();
      } else if (key === 'output') {
        const text = w.scalarText(value);
        if (text === null || text.trim() === '') { w.error(pair, 'rules.output: expected an output name, e.g. HDMI-1'); ok = false; continue; }
        rule.output = text.trim();
      } else if (key === 'run' || key === 'commands') {
        const text = w.scalarText(value);
        if (text === null || text.trim() === '') { w.error(pair, `rules.${key}: expected commands, e.g. "tab float; mark mail"`); ok = false; continue; }
        const bad = splitStatements(text).map((c) => c.trim()).filter((c) => c !== '').map((c) => command?.(c) ?? null).find((e) => e !== null);
        if (bad !== undefined) { w.error(value ?? pair, `rules.${key}: ${bad}`); ok = false; continue; }
        rule.run = text.trim();
      } else {
        w.error(pair, `rules: unknown key ${JSON.stringify(key)}${suggest(key, RULE_KEYS)}`);
        ok = false;
      }
    }
    if (!ok) continue;
    if (Object.keys(rule.match).length === 0) { w.error(item ?? map, 'rules: a rule needs class, instance or title to match'); continue; }
    if (rule.float === undefined && rule.workspace === undefined && rule.sticky === undefined && rule.corner === undefined &&
      rule.output === undefined && rule.run === undefined) {
      w.error(item ?? map, 'rules: a rule needs float, workspace, sticky, corner, output or run');
      continue;
    }
    rules.push(rule);
  }
  // A user's rules come before the shipped ones: the first match wins.
  config.rules = [...rules, ...config.rules];
}

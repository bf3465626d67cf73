// The README's settings reference, generated from the settings table
// (src/config/settings.ts). `node dist/scripts/settings-doc.js` prints it;
// `--write` puts it into README.md between its markers.
// test/config/settings.test.ts fails while the README's copy is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { SETTINGS } from '../src/config/settings.js';

export const BEGIN = '<!-- settings: generated from src/config/settings.ts by scripts/settings-doc.ts; do not edit -->';
export const END = '<!-- /settings -->';

/** YAML data as one line of YAML source, the way config/fion.yaml would write it. */
function yamlLine(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trim();
}

/** Text for a Markdown table cell. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The Markdown table of every plain setting: key, type, default, what it does. */
export function settingsReference(): string {
  const rows = SETTINGS.map((s) => `| \`${s.path}\` | ${cell(s.type)} | \`${cell(yamlLine(s.defaultYaml))}\` | ${cell(s.doc)} |`);
  return ['| setting | type | default | what it does |', '|---|---|---|---|', ...rows].join('\n');
}

/** readme with the text between the markers replaced by the current reference; null without markers. */
export function withReference(readme: string): string | null {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin < 0 || end < begin) return null;
  return `${readme.slice(0, begin)}${BEGIN}\n${settingsReference()}\n${readme.slice(end)}`;
}

function main(): void {
  if (!process.argv.includes('--write')) {
    process.stdout.write(`${settingsReference()}\n`);
    return;
  }
  const path = fileURLToPath(new URL('../../README.md', import.meta.url));
  const updated = withReference(readFileSync(path, 'utf8'));
  if (updated === null) {
    process.stderr.write(`settings-doc: README.md has no ${BEGIN} ... ${END} markers\n`);
    process.exit(1);
  }
  writeFileSync(path, updated);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();

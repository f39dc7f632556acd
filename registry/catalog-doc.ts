import { CATEGORIES } from './categories';
import { PROVIDERS } from './providers';

/**
 * Renders the §11.2 catalog (registry/categories.ts, registry/providers.ts) as the Markdown table
 * in docs/catalog.md. test/unit/registry/catalog-doc.test.ts fails when the two differ; regenerate
 * with `npm run docs:catalog`. Whether an entry is connected is not here: it depends on the
 * adapters a deployment runs, and `GET /api/v1/registry` reports it live.
 */
export function renderCatalogTable(): string {
  const providers = new Map(PROVIDERS.map((p) => [p.id, p]));
  const lines = [
    '| § | data (en / az) | provider | operation | protocol | basis | secrecy | subjects | timeout ms |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const c of CATEGORIES) {
    const p = providers.get(c.provider);
    const who = p ? `${p.title.en} (\`${p.id}\`, member ${p.xroad.memberClass}/${p.xroad.memberCode})` : `\`${c.provider}\``;
    lines.push(`| ${c.section} | ${c.title.en} / ${c.title.az} | ${who} | \`${c.operation}\` | ${c.protocol.toUpperCase()} | ${c.basis} | ${c.secrecy} | ${c.subjects.join(', ')} | ${c.timeoutMs} |`);
  }
  return lines.join('\n');
}

export const TABLE_START = '<!-- catalog-table:start -->';
export const TABLE_END = '<!-- catalog-table:end -->';

export function replaceCatalogTable(doc: string): string {
  const a = doc.indexOf(TABLE_START);
  const b = doc.indexOf(TABLE_END);
  if (a < 0 || b < a) throw new Error('docs/catalog.md lacks the table markers');
  return doc.slice(0, a + TABLE_START.length) + '\n' + renderCatalogTable() + '\n' + doc.slice(b);
}

if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require('node:path') as typeof import('node:path');
  const file = path.resolve(__dirname, '../../docs/catalog.md');
  fs.writeFileSync(file, replaceCatalogTable(fs.readFileSync(file, 'utf8')));
  console.log(`wrote ${file}`);
}

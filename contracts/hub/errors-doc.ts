import { CATEGORY_POLICY, ERROR_CATALOGUE, ErrorCategory } from './error-catalogue';

/**
 * Renders the error catalogue as the Markdown table in contracts/hub/errors.md. The test
 * test/unit/contracts/error-catalogue.test.ts fails when the two differ; regenerate with
 * `npm run docs:errors`.
 */
export function renderErrorsTable(): string {
  const lines = ['| code | category | HTTP | retryable | message |', '|---|---|---|---|---|'];
  for (const [code, e] of Object.entries(ERROR_CATALOGUE) as [string, { category: ErrorCategory; message: string; httpStatus?: number }][]) {
    const p = CATEGORY_POLICY[e.category];
    lines.push(`| \`${code}\` | ${e.category} | ${e.httpStatus ?? p.httpStatus} | ${p.retryable ? 'yes' : 'no'} | ${e.message} |`);
  }
  return lines.join('\n');
}

export const TABLE_START = '<!-- errors-table:start -->';
export const TABLE_END = '<!-- errors-table:end -->';

export function replaceTable(doc: string): string {
  const a = doc.indexOf(TABLE_START);
  const b = doc.indexOf(TABLE_END);
  if (a < 0 || b < a) throw new Error('errors.md lacks the table markers');
  return doc.slice(0, a + TABLE_START.length) + '\n' + renderErrorsTable() + '\n' + doc.slice(b);
}

if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require('node:path') as typeof import('node:path');
  const file = path.resolve(__dirname, '../../../contracts/hub/errors.md');
  fs.writeFileSync(file, replaceTable(fs.readFileSync(file, 'utf8')));
  console.log(`wrote ${file}`);
}

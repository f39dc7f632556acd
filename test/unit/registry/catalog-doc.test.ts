import fs from 'node:fs';
import path from 'node:path';
import { CATEGORIES } from '../../../registry';
import { renderCatalogTable, replaceCatalogTable } from '../../../registry/catalog-doc';

const docPath = path.join(__dirname, '../../../docs/catalog.md');

describe('docs/catalog.md is the catalog of the code', () => {
  test('Regenerating the table from registry/ changes nothing. Result: the doc and the code agree (run `npm run docs:catalog` after changing the catalog)', () => {
    const doc = fs.readFileSync(docPath, 'utf8');
    expect(replaceCatalogTable(doc)).toBe(doc);
  });

  test('The table has one row per §11.2 entry, in statute order. Result: 26 rows, 11.2.1 first and 11.2.26 last', () => {
    const rows = renderCatalogTable().split('\n').slice(2);
    expect(rows).toHaveLength(CATEGORIES.length);
    expect(rows[0]).toMatch(/^\| 11\.2\.1 \|/);
    expect(rows[rows.length - 1]).toMatch(/^\| 11\.2\.26 \|/);
  });
});

// Sizes of what we ship: the three bundles and the VSIX (which holds them, compressed, plus the assets).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { row } from './table.mjs';

export function measureSizes({ bundles, built }) {
  const detail = built ? 'production build (minified), as packaged' : 'dist/ as found (--no-build)';
  const rows = [];
  for (const file of ['client.js', 'server.js', 'cli.js']) {
    rows.push(row('size', `bundle dist/${file}`, { value: statSync(join(bundles, file)).size / 1e3, unit: 'KB', detail }));
  }
  const vsix = statSync(join(bundles, 'iam-policy-lint.vsix')).size / 1e6;
  rows.push(row('size', 'VSIX (npm run package)', { value: vsix, unit: 'MB', digits: 2, budget: { below: 3 }, detail: built ? '' : detail }));
  return { rows };
}

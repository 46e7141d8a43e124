// Rewrites the rule table in README.md and the per-rule settings in package.json from the registry.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withRuleSettings, withRuleTable, type Manifest } from './rule-docs';

const root = process.cwd();
const readmePath = join(root, 'README.md');
const manifestPath = join(root, 'package.json');
writeFileSync(readmePath, withRuleTable(readFileSync(readmePath, 'utf8')));
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
writeFileSync(manifestPath, `${JSON.stringify(withRuleSettings(manifest), null, 2)}\n`);
console.log('README.md rule table and package.json iamPolicy.rules updated.');

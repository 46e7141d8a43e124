// Run in a process of its own by measureCliPasses (cli.mjs): the CLI's per-file work (lintText, as the CLI's lintJob
// calls it) over every policy of a folder, pass after pass in one process, timing each pass. It separates what a
// CLI run spends on V8's warm-up from the work itself:
//   first  the first pass: no code cache, every function compiled, interpreted, then optimised; the catalogue's
//          answers (action expansions, ARN formats, service details) found for the first time;
//   fresh  later passes, each with a catalogue of its own: optimised code, every answer found again;
//   warm   later passes with the first catalogue: optimised code, answers known.
// Usage: node cli-passes.mjs <bench bundle> <folder> <catalogue json> <passes>; prints JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [bundlePath, folder, catalogPath, passesText] = process.argv.slice(2);
const { createCatalog, createPolicyService, defaultSettings, lintText } = createRequire(import.meta.url)(bundlePath);
const passes = Number(passesText);
const jobs = readdirSync(folder)
  .sort()
  .filter((name) => name.endsWith('.iam.json'))
  .map((name) => {
    const path = join(folder, name);
    return { uri: pathToFileURL(path).href, path, text: readFileSync(path, 'utf8'), settings: defaultSettings };
  });
const catalogText = readFileSync(catalogPath, 'latin1');

function pass(catalog) {
  const service = createPolicyService({ rememberStatementFindings: false, catalog });
  const started = performance.now();
  let problems = 0;
  for (const job of jobs) problems += lintText(service, job, undefined).problems.length;
  return { ms: performance.now() - started, problems };
}

const first = pass(undefined);
const warm = [];
const fresh = [];
for (let i = 0; i < passes; i++) {
  warm.push(pass(undefined).ms);
  // Parsed outside the timed pass: the CLI's start includes its catalogue.
  fresh.push(pass(createCatalog(catalogText)).ms);
}
process.stdout.write(JSON.stringify({ files: jobs.length, problems: first.problems, firstMs: first.ms, warmMs: warm, freshMs: fresh }));

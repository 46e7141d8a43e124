// Measures the language server's cold start (spawn -> first completion answered) and its memory after load, as
// `node dist/server.js --stdio` and with the flags the VS Code client adds (client/src/extension.ts), then where that
// memory is. Usage: npm run build:production && node scripts/measure-startup.mjs [runs]
//
// "After load" means: the catalogue loaded and one document validated. The breakdown comes from separate spawns with
// scripts/bench/memory-probe.cjs preloaded (it reads V8's heap statistics and /proc/self/smaps_rollup in the server):
// - mapped files: the node binary and its libraries, as far as touched (Node alone, an empty script, shows ~31 MB);
// - V8 heap, by space: new (the young generation: two semi-spaces, grown by V8 while much survives), old, large
//   objects (among them the bundle's source and the catalogue text), code;
// - other anonymous memory: malloc heaps (V8's parser and compiler zones, its worker threads' arenas; without the
//   client's MALLOC_MMAP_THRESHOLD_, freed memory glibc keeps), thread stacks.
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { clientServerEnv, clientServerFlags, startServer } from './bench/server.mjs';
import { median } from './bench/statistics.mjs';

const root = join(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 10);
const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
/** The node flags and environment variables the VS Code client starts the server with (client/src/extension.ts). */
const clientFlags = clientServerFlags();
const clientEnv = clientServerEnv();

/** One spawn: timings and RSS after load, and with `probe` the probe's breakdown. */
async function once(flags, env, probe = false) {
  const server = await startServer({ serverJs: join(root, 'dist', 'server.js'), pull: false, nodeArgs: flags, env, memoryProbe: probe });
  try {
    // Diagnostics load the catalogue; wait for them so the RSS reading includes it.
    const diagnosed = new Promise((resolve) => server.on('textDocument/publishDiagnostics', resolve));
    await server.notify('textDocument/didOpen', { textDocument: { uri: 'file:///m.iam.json', languageId: 'iam-policy', version: 1, text } });
    await server.request('textDocument/completion', { textDocument: { uri: 'file:///m.iam.json' }, position: { line: 0, character: 38 } });
    const firstCompletion = performance.now() - server.startedAt;
    await diagnosed;
    const rss = server.rssMb();
    const breakdown = probe ? await server.memoryBreakdown() : undefined;
    return { initialized: server.initializedAt - server.startedAt, firstCompletion, rss, breakdown };
  } finally {
    await server.stop();
  }
}

const mb = (value) => `${value.toFixed(1)} MB`;
const configurations = [
  { name: 'node dist/server.js --stdio', flags: [], env: {} },
  {
    name: `with the client's ${[...Object.entries(clientEnv).map(([name, value]) => `${name}=${value}`), ...clientFlags].join(' ')}`,
    flags: clientFlags,
    env: clientEnv,
  },
];
// Alternate the configurations so that drift in the machine's load affects both alike.
const results = configurations.map(() => []);
for (let i = 0; i < runs; i++) {
  for (const [c, configuration] of configurations.entries()) results[c].push(await once(configuration.flags, configuration.env));
}
const plain = results[0];
const size = (file) => `${(statSync(join(root, 'dist', file)).size / 1024).toFixed(0)} KiB`;
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min); ${runs} spawns of each configuration, medians`);
console.log(`server cold start: initialize answered ${median(plain.map((r) => r.initialized)).toFixed(0)} ms, first completion ${median(plain.map((r) => r.firstCompletion)).toFixed(0)} ms`);
for (const [c, configuration] of configurations.entries()) {
  console.log(`server RSS after load (catalogue loaded, one document validated), ${configuration.name}: ${mb(median(results[c].map((r) => r.rss)))}`);
}
for (const configuration of configurations) {
  const { breakdown: b, rss } = await once(configuration.flags, configuration.env, true);
  const space = (name) => b.spaces[name]?.committedMb ?? 0;
  const otherAnonymous = b.anonymousMb - b.heapCommittedMb;
  console.log(
    `  where, ${configuration.name} (one spawn with the probe, RSS ${mb(rss)}): mapped files ${mb(b.fileMb)}; ` +
      `V8 heap ${mb(b.heapCommittedMb)} committed, ${mb(b.heapUsedMb)} used (new ${mb(space('new_space'))}, old ${mb(space('old_space'))}, ` +
      `large objects ${mb(space('large_object_space'))}, code ${mb(space('code_space'))}); other anonymous ${mb(otherAnonymous)}`,
  );
}
console.log(`bundles: client.js ${size('client.js')}, server.js ${size('server.js')}, cli.js ${size('cli.js')}`);

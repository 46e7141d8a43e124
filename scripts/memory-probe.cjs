// Preloaded into the language server by scripts/measure-startup.mjs (node -r, with an IPC channel): asked 'memory', it
// answers where the resident memory is, without collecting garbage first. CommonJS on purpose: a preload through
// --import starts Node's ESM loader, which itself adds ~6 MB to the figures.
/* global process, require */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, for the reason above */
const { readFileSync } = require('node:fs');
const v8 = require('node:v8');

process.on('message', (message) => {
  if (message !== 'memory') return;
  const MB = (bytes) => bytes / 1048576;
  const rollup = readFileSync('/proc/self/smaps_rollup', 'utf8');
  const kB = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? NaN) / 1024;
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, { committedMb: MB(s.physical_space_size), usedMb: MB(s.space_used_size) }]));
  const heap = v8.getHeapStatistics();
  process.send({
    memory: {
      rssMb: kB('Rss'),
      anonymousMb: kB('Anonymous'),
      fileMb: kB('Rss') - kB('Anonymous'),
      heapCommittedMb: MB(heap.total_physical_size),
      heapUsedMb: MB(heap.used_heap_size),
      externalMb: MB(process.memoryUsage().external),
      spaces,
    },
  });
});
process.channel?.unref(); // the server's lifetime stays its own

// Loaded into the language server by the benchmark and scripts/measure-startup.mjs only (node --expose-gc -r, with an
// IPC channel). Asked 'live-heap', it runs a full garbage collection and answers with the live heap: RSS alone cannot
// tell a leak from V8 keeping a larger heap after a burst of allocation; the heap that survives a full GC can. Asked
// 'memory', it answers where the resident memory is, without collecting garbage first. CommonJS, like the bundle: a
// preload through --import would start Node's ESM loader and add to the figures it is meant to explain.
/* global process, require */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, for the reason above */
const { readFileSync } = require('node:fs');
const v8 = require('node:v8');

const MB = (bytes) => bytes / 1e6;

function whereMemoryIs() {
  const rollup = readFileSync('/proc/self/smaps_rollup', 'utf8');
  const kB = (field) => (Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? NaN) * 1024) / 1e6;
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, { committedMb: MB(s.physical_space_size), usedMb: MB(s.space_used_size) }]));
  const heap = v8.getHeapStatistics();
  return {
    rssMb: kB('Rss'),
    anonymousMb: kB('Anonymous'),
    fileMb: kB('Rss') - kB('Anonymous'),
    heapCommittedMb: MB(heap.total_physical_size),
    heapUsedMb: MB(heap.used_heap_size),
    externalMb: MB(process.memoryUsage().external),
    spaces,
  };
}

process.on('message', (message) => {
  if (message === 'live-heap') {
    globalThis.gc();
    process.send({ liveHeapBytes: process.memoryUsage().heapUsed });
  } else if (message === 'memory') {
    process.send({ memory: whereMemoryIs() });
  }
});
process.channel?.unref(); // the server's lifetime stays its own

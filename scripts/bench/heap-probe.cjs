// Loaded into the language server by the memory benchmark only (node --expose-gc -r): asked over the IPC channel,
// it runs a full garbage collection and answers with the live heap. RSS alone cannot tell a leak from V8 keeping a
// larger heap after a burst of allocation; the heap that survives a full GC can. CommonJS, like the bundle: an ESM
// preload (--import) would start Node's ESM loader and add ~25 MB of RSS to the figures it is meant to explain.
/* global process */
process.on('message', (message) => {
  if (message !== 'live-heap') return;
  globalThis.gc();
  process.send({ liveHeapBytes: process.memoryUsage().heapUsed });
});
process.channel?.unref(); // the server's lifetime stays its own

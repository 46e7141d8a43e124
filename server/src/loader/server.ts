// The server's entry (`node dist/server.js --stdio`, or forked by the VS Code client): the server bundle, run through
// the code cache. The client names the cache folder in the extension's storage; other editors get the user's cache.
import { runEntry } from './entry';

runEntry('server');

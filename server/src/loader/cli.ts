// The CLI's entry (`iam-policy-lint`, `node dist/cli.js`): the CLI bundle, run through the code cache.
import { runEntry } from './entry';

runEntry('cli');

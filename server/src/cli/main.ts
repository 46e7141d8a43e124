// CLI entry: run the linter on the process arguments and exit with its code; in a worker thread, serve lint jobs.
import { isMainThread } from 'node:worker_threads';
import { serveLintJobs } from './parallel';
import { runCli } from './run';

if (isMainThread) {
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), workerFile: __filename }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`iam-policy-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
} else {
  void serveLintJobs();
}

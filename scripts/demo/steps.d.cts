// Types of steps.cjs, for the tests (test/demo.test.ts).
export declare function logTail(text: string, count?: number): string;
export declare class StepFailed extends Error {}
export declare function runLogged(
  command: string,
  args: readonly string[],
  options: { cwd?: string; log: string; env?: NodeJS.ProcessEnv; captureStdout?: boolean },
): string;
export declare function isListening(output: string): boolean;
export declare function startLogged(
  command: string,
  args: readonly string[],
  options: {
    cwd?: string;
    log: string;
    ready: (output: string) => boolean;
    onReady: () => void;
    onExit: (code: number, tail: string | undefined) => void;
  },
): import('node:child_process').ChildProcess;
export declare function progress(write: (text: string) => void, index: number, total: number, title: string): (outcome?: string) => void;

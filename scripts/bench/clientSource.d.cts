// Types of clientSource.cjs, for the tests (test/loader/compilerFlags.test.ts).
export declare function serverFlagsIn(source: string): string[] | undefined;
export declare function serverEnvIn(source: string): Record<string, string> | undefined;

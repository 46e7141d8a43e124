// The snippets file, bundled as JSON by esbuild.mjs (loader for .code-snippets).
declare module '*.code-snippets' {
  const snippets: Record<string, { prefix: string | string[]; description: string; body: string[]; isFileTemplate?: boolean }>;
  export default snippets;
}

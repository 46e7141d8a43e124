// The catalogue index, written by scripts/build-catalog.mjs and bundled as text by esbuild.mjs.
declare module 'generated:iam-catalog' {
  const text: string;
  export default text;
}

// The catalogue index, written by scripts/build-catalog.mjs; esbuild.mjs says where a bundle reads it from.
declare module 'generated:iam-catalog' {
  /** The index's text, read on the first call; throws a message naming the file when it cannot be read. */
  export default function catalogText(): string;
}

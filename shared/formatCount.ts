/**
 * `21911` -> `21,911`, as `toLocaleString('en-US')` writes a whole number. Not that call: its first use loads ICU's
 * number formatting, ~12 ms of a process's start (the CLI's first size or count message, a hover's first count).
 */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

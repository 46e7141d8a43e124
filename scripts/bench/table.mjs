// One row per figure: what was measured, the figure, its budget and whether it holds. Printed as a text table, or as
// Markdown for the README's Performance section (from the JSON file, so the two agree).

/**
 * `budget` is { below } (strictly under), { atMost } or { equals }, in the row's unit, with an optional `text` to show
 * instead; without one the row is a figure only and `holds` is null. MB and KB are 10^6 and 10^3 bytes.
 */
export function row(section, name, { value, unit, digits = 0, budget, detail = '' }) {
  let holds = null;
  if (budget?.below !== undefined) holds = value < budget.below;
  else if (budget?.atMost !== undefined) holds = value <= budget.atMost;
  else if (budget?.equals !== undefined) holds = value === budget.equals;
  return { section, name, value, unit, figure: amount(value, unit, digits), budget: budget ? budgetText(budget, unit) : '', holds, detail };
}

/** A figure that could not be taken: the suite exits non-zero. */
export function failedRow(section, name, error) {
  return { section, name, value: null, unit: '', figure: 'not measured', budget: '', holds: null, detail: '', error: error.message ?? String(error) };
}

function amount(value, unit, digits) {
  const number = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === '×' ? `${number}×` : unit ? `${number} ${unit}` : number;
}

function budgetText(budget, unit) {
  if (budget.text !== undefined) return budget.text;
  if (budget.below !== undefined) return `< ${amount(budget.below, unit, 0)}`;
  if (budget.atMost !== undefined) return `≤ ${amount(budget.atMost, unit, 0)}`;
  return `= ${amount(budget.equals, unit, 0)}`;
}

const verdict = (r) => (r.error ? 'NOT MEASURED' : r.holds === null ? '' : r.holds ? 'holds' : 'FAILS');

export function textTable(rows) {
  const header = ['section', 'measurement', 'figure', 'budget', 'verdict', 'details'];
  const cells = rows.map((r) => [r.section, r.name, r.figure, r.budget, verdict(r), r.error ?? r.detail]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  widths[5] = header[5].length; // the last column is not padded
  const line = (c) => c.map((cell, i) => (i === 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

export function markdownTable(rows) {
  const escape = (text) => text.replaceAll('|', '\\|');
  const lines = ['| Section | Measurement | Figure | Budget | Verdict | Details |', '|---|---|--:|---|---|---|'];
  for (const r of rows) lines.push(`| ${[r.section, r.name, r.figure, r.budget, verdict(r), r.error ?? r.detail].map(escape).join(' | ')} |`);
  return lines.join('\n');
}

// Order statistics by the nearest-rank method: the q-quantile of n values is the ceil(q·n)-th smallest. Medians and
// p95s of latencies are robust to the odd slow round trip that a busy machine adds; means are not.
export function quantile(values, q) {
  if (values.length === 0) throw new Error('no values to summarise');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export const median = (values) => quantile(values, 0.5);

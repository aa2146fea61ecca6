/** Summaries the benchmarks print: every figure is a median of repeated runs, with its spread. */
export type Summary = { median: number; min: number; max: number; runs: number };

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  // An even count takes the mean of the middle two, so one run more or less does not jump a figure.
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

export function summarize(values: number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

/** `412 ms (380–455, 7 runs)`: the median first, then the spread it came from. */
export function describe(summary: Summary, unit = 'ms', digits = 0): string {
  const f = (n: number) => n.toFixed(digits);
  return `${f(summary.median)} ${unit} (${f(summary.min)}–${f(summary.max)}, ${summary.runs} runs)`;
}

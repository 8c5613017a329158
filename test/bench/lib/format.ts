/** Units and the results table. */

export function ms(value: number): string {
  if (value < 1) return `${(value * 1000).toFixed(0)} µs`;
  return value >= 100
    ? `${value.toFixed(0)} ms`
    : value >= 10
      ? `${value.toFixed(1)} ms`
      : `${value.toFixed(2)} ms`;
}

export function us(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} µs` : `${value.toFixed(1)} µs`;
}

export function bytes(value: number): string {
  if (value >= 1024 * 1024)
    return `${(value / 1024 / 1024).toFixed(2)} MiB (${value.toLocaleString('en')} B)`;
  if (value >= 1024) return `${(value / 1024).toFixed(1)} KiB (${value.toLocaleString('en')} B)`;
  return `${value} B`;
}

export type Verdict = 'PASS' | 'FAIL' | 'info' | 'ERROR' | 'skipped';

export interface Row {
  figure: string;
  value: string;
  reference?: string;
  ratio?: number;
  budget?: string;
  verdict: Verdict;
}

/** A row with a budget: PASS when `ok`, FAIL otherwise. */
export function budgeted(row: Omit<Row, 'verdict'>, ok: boolean): Row {
  return { ...row, verdict: ok ? 'PASS' : 'FAIL' };
}

export function info(row: Omit<Row, 'verdict'>): Row {
  return { ...row, verdict: 'info' };
}

export function errorRow(figure: string, err: unknown): Row {
  const message = err instanceof Error ? err.message : String(err);
  return { figure, value: `error: ${message.split('\n')[0]}`, verdict: 'ERROR' };
}

export function renderTable(rows: readonly Row[]): string {
  const header = ['figure', 'value', 'reference', 'ratio', 'budget', 'result'];
  const cells = rows.map((r) => [
    r.figure,
    r.value,
    r.reference ?? '',
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`,
    r.budget ?? '',
    r.verdict,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: string[]) =>
    c.map((v, i) => (i === 3 ? v.padStart(widths[i] as number) : v.padEnd(widths[i] as number))).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.map(line)].join('\n');
}

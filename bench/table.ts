/** The bench's report: one row per measurement, with its target and how far it is from it. */

export interface Row {
  name: string;
  measured: number;
  unit: string;
  /** `min`: at least the target passes; `max`: at most. No target: reported only. */
  target?: { kind: 'min' | 'max'; value: number };
  detail?: string;
}

const number = (n: number) =>
  !Number.isFinite(n) ? String(n) : Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-GB') : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);

/** Measured against target, so that 1 or more passes: 0.25 is four times short of the target. */
export function margin(row: Row): number | undefined {
  if (!row.target) return undefined;
  return row.target.kind === 'min' ? row.measured / row.target.value : row.target.value / row.measured;
}

export function formatTable(rows: Row[]): string {
  const cells = rows.map((r) => {
    const m = margin(r);
    return [
      r.name,
      `${number(r.measured)} ${r.unit}`.trim(),
      r.target ? `${r.target.kind === 'min' ? '≥' : '≤'} ${number(r.target.value)} ${r.unit}`.trim() : '—',
      m === undefined ? '' : `${number(m)}×`,
      m === undefined ? 'INFO' : m >= 1 ? 'PASS' : 'MISS',
      r.detail ?? '',
    ];
  });
  const header = ['measurement', 'measured', 'target', 'vs target', 'result', 'detail'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((x, i) => (i === 5 ? x : x.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(Math.min(w, 60)))), ...cells.map(line)].join('\n');
}

/** 1536 → "1.5 KB". */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 10 ? Math.round(v) : Math.round(v * 10) / 10} ${units[i]}`;
}

/** loaded/total → 0–100, clamped; 0 when the total is unknown. */
export function percent(loaded: number, total: number): number {
  if (!total || total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((loaded / total) * 100)));
}

/** "R16_9" → "16:9". */
export function ratioLabel(r: string): string {
  return r.replace(/^R/, '').replace('_', ':');
}

/** A short status label for people. */
export function statusLabel(status: string): string {
  switch (status) {
    case 'PENDING':
      return 'In progress';
    case 'SUCCEEDED':
      return 'Ready';
    case 'FAILED':
      return 'Failed';
    case 'CANCELLED':
      return 'Cancelled';
    default:
      return status;
  }
}

/** USD with cents, and the tenths of a cent when they matter: 0.62 → "$0.62", 0.025 → "$0.025", 0 → "$0.00". */
export function formatUsd(usd: number): string {
  const cents = usd.toFixed(2);
  const finer = usd.toFixed(4).replace(/0+$/, '');
  return `$${Number(finer) === Number(cents) ? cents : finer}`;
}

/**
 * Where a PENDING generation stands: "In queue (#3)", then "Generating… 42 s (usually ~60 s)". `elapsed` is
 * the seconds since submission as shown now; `usual` the model's typical duration (null: not known yet).
 */
export function progressLabel(
  p: { queuePosition: number | null; startedAt: unknown },
  elapsed: number,
  usual: number | null,
) {
  if (p.queuePosition != null) return `In queue (#${p.queuePosition})`;
  if (!p.startedAt) return 'Waiting for the generator…';
  if (usual == null) return `Generating… ${elapsed} s`;
  return elapsed <= usual
    ? `Generating… ${elapsed} s (usually ~${usual} s)`
    : `Generating… ${elapsed} s (longer than usual)`;
}

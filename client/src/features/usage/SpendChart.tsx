import { formatUsd } from '../../lib/format.ts';

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { top: 12, right: 8, bottom: 24, left: 52 };

/** Spend per day as bars, hand-drawn SVG (no chart library in the bundle); each bar titled with its day and amount. */
export function SpendChart({ days }: { days: readonly { day: string; cost: number; generations: number }[] }) {
  const max = Math.max(0, ...days.map((d) => d.cost));
  const top = max > 0 ? max : 1;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const step = innerW / Math.max(1, days.length);
  const barW = Math.max(1, Math.min(28, step * 0.7));
  const y = (v: number) => PAD.top + innerH - (v / top) * innerH;
  const total = days.reduce((s, d) => s + d.cost, 0);
  return (
    <svg
      className="spend-chart"
      data-testid="spend-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Spend per day, ${days.length} days, ${formatUsd(total)} in all`}
    >
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} className="axis" />
      <text x={PAD.left - 6} y={y(top) + 4} textAnchor="end" className="tick">
        {formatUsd(max)}
      </text>
      <text x={PAD.left - 6} y={y(0) + 4} textAnchor="end" className="tick">
        $0
      </text>
      {days.map((d, i) => {
        const x = PAD.left + i * step + (step - barW) / 2;
        const h = y(0) - y(d.cost);
        return (
          <rect key={d.day} className="bar" data-day={d.day} x={x} y={y(d.cost)} width={barW} height={Math.max(0, h)}>
            <title>{`${d.day}: ${formatUsd(d.cost)} (${d.generations} generations)`}</title>
          </rect>
        );
      })}
      {days.length > 0 && (
        <>
          <text x={PAD.left} y={HEIGHT - 6} className="tick">
            {days[0].day}
          </text>
          <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end" className="tick">
            {days[days.length - 1].day}
          </text>
        </>
      )}
    </svg>
  );
}

// A plain horizontal bar chart (no chart library yet: ECharts is to be added), one bar per item,
// each bar a button so every point of the chart leads to its list.
import { Typography } from 'antd';

export interface Bar {
  key: string;
  label: string;
  value: number;
  text: string;
}

export function BarChart({ bars, onBar, onLabel, testId }: { bars: Bar[]; onBar: (bar: Bar) => void; onLabel?: (bar: Bar) => void; testId?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <div data-testid={testId} style={{ display: 'grid', gridTemplateColumns: 'minmax(90px, max-content) 1fr max-content', gap: '6px 10px', alignItems: 'center' }}>
      {bars.map((b) => (
        <div key={b.key} style={{ display: 'contents' }}>
          {onLabel ? (
            <Typography.Link onClick={() => onLabel(b)} data-testid={`bar-label-${b.key}`}>{b.label}</Typography.Link>
          ) : (
            <Typography.Text>{b.label}</Typography.Text>
          )}
          <button
            type="button"
            onClick={() => onBar(b)}
            aria-label={`${b.label} ${b.text}`}
            data-testid={`bar-${b.key}`}
            style={{ border: 0, padding: 0, background: '#f0f0f0', height: 18, cursor: 'pointer', borderRadius: 3, textAlign: 'left' }}
          >
            <span style={{ display: 'block', height: '100%', width: `${(100 * b.value) / max}%`, minWidth: b.value > 0 ? 2 : 0, background: '#1677ff', borderRadius: 3 }} />
          </button>
          <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>{b.text}</Typography.Text>
        </div>
      ))}
    </div>
  );
}

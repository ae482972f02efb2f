import { formatFen } from '../../lib/money.ts';

/** A figure's value in its unit: money from 分 to 元, shares with %, counts with their unit. */
export function formatFigure(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === '元') return `${formatFen(value)} 元`;
  if (unit === '%') return `${value}%`;
  return `${value.toLocaleString('zh-CN')} ${unit}`;
}

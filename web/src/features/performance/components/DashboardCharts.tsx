import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Dashboard } from '../api/performance.ts';

const UP = '#1a7f37';
const DOWN = '#c2410c';
const short = (label: string) => (label.length > 14 ? `${label.slice(0, 13)}…` : label);

/** Each video against the author's usual (1x), and the predicted score against the result. */
export function DashboardCharts({ videos }: { videos: Dashboard['videos'] }) {
  const { t, formatNumber, formatDate } = useI18n();
  const bars = videos.map((v, i) => ({ key: `${v.projectId}:${v.platform}:${i}`, name: short(formatDate(v.publishedAt)), full: `${v.title} · ${t(`perf.platform.${v.platform}`)} · ${formatDate(v.publishedAt)}`, ratio: v.ratio }));
  const scored = videos.filter((v) => v.score !== null).map((v) => ({ score: v.score, ratio: v.ratio, title: v.title }));
  // Ticks keep the digits they need (0.35x, 0.7x, 1x), so no two read the same.
  const ratioTick = (value: number) => `${formatNumber(value, Number.isInteger(value) ? 0 : Number.isInteger(Math.round(value * 100) / 10) ? 1 : 2)}×`;
  return (
    <div className="perf-charts">
      <figure className="panel perf-chart" data-testid="chart-ratio">
        <figcaption className="panel__title">{t('perf.chart.ratio')}</figcaption>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
            <YAxis tickFormatter={ratioTick} width={44} tick={{ fontSize: 11 }} />
            <Tooltip formatter={(value) => [ratioTick(Number(value)), t('perf.chart.ratioAxis')]} labelFormatter={(_, payload) => payload?.[0]?.payload?.full ?? ''} />
            <ReferenceLine y={1} stroke="#64748b" strokeDasharray="4 4" label={{ value: t('perf.chart.usual'), position: 'insideTopRight', fontSize: 11 }} />
            <Bar dataKey="ratio" isAnimationActive={false}>
              {bars.map((bar) => (
                <Cell key={bar.key} fill={bar.ratio >= 1 ? UP : DOWN} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="panel perf-chart" data-testid="chart-predicted">
        <figcaption className="panel__title">{t('perf.chart.predicted')}</figcaption>
        {scored.length === 0 ? (
          <p className="muted small">{t('perf.chart.noScores')}</p>
        ) : (
        <ResponsiveContainer width="100%" height={260}>
          <ScatterChart margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" dataKey="score" name={t('perf.chart.scoreAxis')} domain={[0, 100]} tick={{ fontSize: 11 }} />
            <YAxis type="number" dataKey="ratio" name={t('perf.chart.ratioAxis')} tickFormatter={ratioTick} width={44} tick={{ fontSize: 11 }} />
            <ReferenceLine y={1} stroke="#64748b" strokeDasharray="4 4" />
            <Tooltip cursor={{ strokeDasharray: '3 3' }} />
            <Scatter data={scored} fill="#2563eb" isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
        )}
      </figure>
    </div>
  );
}

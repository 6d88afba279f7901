/**
 * The report's charts as SVG text, drawn by ECharts' server-side renderer: vector graphics that
 * stay sharp in HTML and in the PDF, with no browser needed to draw them.
 */
import * as echarts from 'echarts';
import { LEVELS, type BoardReport } from '../analysis/index.js';
import { LAYER_LABELS } from '../domain/index.js';
import type { ReportLang } from './markdown.js';

/** Level colours as the web UI uses them; the tables beside each chart carry the numbers too. */
const LEVEL_COLOURS = { low: '#2e7d32', medium: '#8a6d00', high: '#c24e00', 'very-high': '#b00020' } as const;
const LEVEL_NAMES = {
  nl: { low: 'laag', medium: 'midden', high: 'hoog', 'very-high': 'zeer hoog' },
  en: { low: 'low', medium: 'medium', high: 'high', 'very-high': 'very high' },
} as const;

function svg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The stack as a figure: one bar per layer (applications on top), split by risk level. */
export function stackChart(r: BoardReport, lang: ReportLang): string {
  const layers = r.layers; // raw materials first: ECharts draws the first category at the bottom
  return svg(
    {
      legend: { bottom: 0 },
      grid: { left: 170, right: 20, top: 10, bottom: 40 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: layers.map((l) => LAYER_LABELS[l.layer][lang]) },
      series: LEVELS.map((level) => ({
        name: LEVEL_NAMES[lang][level],
        type: 'bar',
        stack: 'level',
        itemStyle: { color: LEVEL_COLOURS[level] },
        data: layers.map((l) => l.byLevel[level]),
      })),
    },
    640,
    300,
  );
}

/** Dependencies per ultimate parent (the first ten), as horizontal bars. */
export function concentrationChart(rows: BoardReport['concentration']['byUltimateParent']): string {
  const top = rows.slice(0, 10).reverse();
  return svg(
    {
      grid: { left: 200, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: top.map((r) => r.label) },
      series: [
        {
          type: 'bar',
          itemStyle: { color: '#1a4d8f' },
          label: { show: true, position: 'right' },
          data: top.map((r) => r.assets),
        },
      ],
    },
    640,
    40 + top.length * 28,
  );
}

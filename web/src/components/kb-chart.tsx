/**
 * A horizontal bar chart (ECharts, SVG renderer) for shares and counts: one series in one dark
 * colour with the value written at each bar, so nothing depends on telling colours apart. The chart
 * is an image with a text summary; callers put the same numbers in a table next to it (WCAG 1.1.1).
 * Only the modules used here are registered, which keeps the page's bundle small.
 */
import { useEffect, useRef } from 'react';
import { BarChart as EBarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, type GridComponentOption } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([EBarChart, GridComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption>;

export interface Bar {
  label: string;
  value: number;
}

export function BarChart({
  bars,
  summary,
  format = (v) => String(v),
}: {
  bars: Bar[];
  /** What the chart shows, in words with its numbers: the image's text alternative. */
  summary: string;
  format?: (value: number) => string;
}) {
  const box = useRef<HTMLDivElement>(null);
  // Redraw when the numbers change, not whenever the caller re-renders with a new array.
  const key = JSON.stringify(bars);
  const formatRef = useRef(format);
  formatRef.current = format;
  useEffect(() => {
    const bars = JSON.parse(key) as Bar[];
    const el = box.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'svg' });
    // The first bar on top, as in the table beside it.
    const ordered = [...bars].reverse();
    const option: Option = {
      animation: false,
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { color: '#333' }, splitLine: { lineStyle: { color: '#ddd' } } },
      yAxis: {
        type: 'category',
        data: ordered.map((b) => b.label),
        axisLabel: { color: '#222', width: 220, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: ordered.map((b) => b.value),
          itemStyle: { color: '#1a4d8f' },
          barMaxWidth: 28,
          label: { show: true, position: 'right', color: '#222', formatter: (p) => formatRef.current(Number(p.value)) },
        },
      ],
    };
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [key]);
  return (
    <div
      ref={box}
      role="img"
      aria-label={summary}
      style={{ width: '100%', maxWidth: '48rem', height: `${Math.max(120, bars.length * 36 + 40)}px` }}
    />
  );
}

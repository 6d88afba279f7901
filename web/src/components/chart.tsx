/**
 * A horizontal bar chart drawn by ECharts (SVG), with its data as a table for people who cannot
 * see the chart (WCAG 1.1.1): the chart is role="img" with a label, the table is always in the
 * accessibility tree and shown on request. Only the ECharts parts used here are imported, so the
 * chunk stays small; the chart follows the window's width and is disposed with the component.
 */
import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useT, type Messages } from '../i18n';
import './stack-layout.css';
import { Button, TableBody, TableHead } from './ui';

echarts.use([EBarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Colours with at least 3:1 against white (WCAG 1.4.11), told apart by the legend and the table. */
const COLOURS = ['#1a4d8f', '#8a4b00', '#2e6b30', '#6b2c83'];

export interface ChartSeries {
  name: string;
  values: number[];
}

const messages: Messages<'show' | 'hide'> = {
  nl: { show: 'Toon als tabel', hide: 'Verberg tabel' },
  en: { show: 'Show as table', hide: 'Hide table' },
};

export function BarChart({
  label,
  categories,
  series,
  chartRows = categories.length,
  tableCaption,
  categoryHeader,
  extraColumns = [],
}: {
  /** What the chart shows, for the role="img" label. */
  label: string;
  categories: string[];
  series: ChartSeries[];
  /** How many categories the chart draws (the first ones); the table always lists all. */
  chartRows?: number;
  tableCaption: ReactNode;
  categoryHeader: string;
  /** More columns for the table only (already formatted), one value per category. */
  extraColumns?: { header: string; values: ReactNode[] }[];
}) {
  const t = useT(messages);
  const box = useRef<HTMLDivElement>(null);
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const shown = Math.min(chartRows, categories.length);

  // Redraw only when the data changes, not on every render of the page around it.
  const data = JSON.stringify([categories.slice(0, shown), series.map((s) => [s.name, s.values.slice(0, shown)])]);
  useEffect(() => {
    const [cats, rows] = JSON.parse(data) as [string[], [string, number[]][]];
    const el = box.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const labelWidth = () => Math.max(80, Math.round(el.clientWidth * 0.4));
    chart.setOption({
      color: COLOURS,
      animation: false,
      // The page's font by name: ECharts measures labels with it, and 'inherit' would measure wrong.
      textStyle: { color: '#1a1a1a', fontFamily: getComputedStyle(el).fontFamily || 'sans-serif' },
      grid: {
        left: 8,
        right: 32,
        top: rows.length > 1 ? 36 : 8,
        bottom: 8,
        outerBoundsMode: 'same',
        outerBoundsContain: 'axisLabel',
      },
      legend: rows.length > 1 ? { top: 0, textStyle: { color: '#1a1a1a' } } : { show: false },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1a1a1a' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: cats,
        // Long names are cut to two fifths of the width; the tooltip and the table give them whole.
        axisLabel: { color: '#1a1a1a', width: labelWidth(), overflow: 'truncate' },
      },
      series: rows.map(([name, values]) => ({
        type: 'bar',
        name,
        data: values,
        label: { show: true, position: 'right', color: '#1a1a1a' },
      })),
    });
    const resize = () => {
      chart.setOption({ yAxis: { axisLabel: { width: labelWidth() } } });
      chart.resize();
    };
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [data]);

  const height = 24 + (series.length > 1 ? 36 : 8) + shown * (14 + 12 * series.length);
  return (
    <figure className="stapel-chart">
      <div ref={box} role="img" aria-label={label} className="stapel-chart__canvas" style={{ height }} />
      <Button
        appearance="subtle"
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={() => setShowTable(!showTable)}
      >
        {showTable ? t('hide') : t('show')}
      </Button>
      {/* Hidden only visually when collapsed: screen readers always reach the data. When shown, a
          wide table scrolls inside its container, which then takes keyboard focus (WCAG 2.1.1). */}
      <div
        id={tableId}
        className={
          showTable ? 'utrecht-table-container utrecht-table-container--overflow-inline' : 'stapel-visually-hidden'
        }
        {...(showTable ? { tabIndex: 0, role: 'region', 'aria-labelledby': `${tableId}-caption` } : {})}
      >
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="utrecht-table__caption" id={`${tableId}-caption`}>
            {tableCaption}
          </caption>
          <TableHead cells={[categoryHeader, ...series.map((s) => s.name), ...extraColumns.map((c) => c.header)]} />
          <TableBody
            rows={categories.map((c, i) => ({
              key: `${i}-${c}`,
              cells: [c, ...series.map((s) => s.values[i] ?? ''), ...extraColumns.map((col) => col.values[i] ?? '')],
            }))}
          />
        </table>
      </div>
    </figure>
  );
}

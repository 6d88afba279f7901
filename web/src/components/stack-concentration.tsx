/**
 * Concentration of the portfolio by ultimate parent, by country and by category: per key, how many
 * assets and how many vital processes depend on it, as a bar chart with its table, and the HHI of
 * the distribution with the band it falls in (the US merger-guideline bands the methodology uses).
 */
import { useMemo } from 'react';
import { useT, type Messages } from '../i18n';
import { BarChart } from './chart';
import { useFormat, useVocabularies } from './explain-format';
import type { Analysis, Concentration } from './explain-types';
import { Heading, Paragraph } from './ui';

/** How many keys the charts draw; the tables list them all. */
const CHART_ROWS = 10;

type Key =
  | 'title'
  | 'intro'
  | 'byUltimateParent'
  | 'byCountry'
  | 'byCategory'
  | 'parent'
  | 'country'
  | 'category'
  | 'assets'
  | 'vital'
  | 'share'
  | 'chartLabel'
  | 'caption'
  | 'hhi'
  | 'low'
  | 'moderate'
  | 'high'
  | 'type'
  | 'none';

const messages: Messages<Key> = {
  nl: {
    title: 'Concentratie',
    intro:
      'Bij wie, in welk land en in welke categorie de afhankelijkheden samenkomen: het aantal voorzieningen en het aantal vitale processen dat ervan afhangt.',
    byUltimateParent: 'Per uiteindelijke moeder',
    byCountry: 'Per land',
    byCategory: 'Per categorie',
    parent: 'Uiteindelijke moeder',
    country: 'Land',
    category: 'Categorie',
    assets: 'Voorzieningen',
    vital: 'Vitale processen die ervan afhangen',
    share: 'Aandeel van de vitale processen',
    chartLabel:
      'Staafdiagram {what}: voorzieningen en vitale processen van de eerste {n}; de tabel eronder geeft alle waarden.',
    caption: '{what}: voorzieningen en vitale processen',
    hhi: 'Herfindahl-Hirschman-index (HHI): {n} — {band}.',
    low: 'niet geconcentreerd (tot 1.500)',
    moderate: 'matig geconcentreerd (1.500 tot 2.500)',
    high: 'sterk geconcentreerd (boven 2.500)',
    type: 'Soort: {t}',
    none: 'Geen gegevens.',
  },
  en: {
    title: 'Concentration',
    intro:
      'With whom, in which country and in which category the dependencies come together: the number of assets and of vital processes that depend on it.',
    byUltimateParent: 'By ultimate parent',
    byCountry: 'By country',
    byCategory: 'By category',
    parent: 'Ultimate parent',
    country: 'Country',
    category: 'Category',
    assets: 'Assets',
    vital: 'Vital processes depending on it',
    share: 'Share of the vital processes',
    chartLabel: 'Bar chart {what}: assets and vital processes of the first {n}; the table below gives all values.',
    caption: '{what}: assets and vital processes',
    hhi: 'Herfindahl–Hirschman index (HHI): {n} — {band}.',
    low: 'unconcentrated (up to 1,500)',
    moderate: 'moderately concentrated (1,500 to 2,500)',
    high: 'highly concentrated (above 2,500)',
    type: 'Type: {t}',
    none: 'No data.',
  },
};

function ConcentrationChart({
  id,
  title,
  header,
  data,
  rowLabel,
}: {
  id: string;
  title: string;
  header: string;
  data: Concentration;
  rowLabel: (key: string, label: string) => string;
}) {
  const t = useT(messages);
  const f = useFormat();
  const categories = useMemo(() => data.rows.map((r) => rowLabel(r.key, r.label)), [data, rowLabel]);
  const series = useMemo(
    () => [
      { name: t('assets'), values: data.rows.map((r) => r.assets) },
      { name: t('vital'), values: data.rows.map((r) => r.vitalProcesses) },
    ],
    [data, t],
  );
  const band = data.hhi > 2500 ? t('high') : data.hhi > 1500 ? t('moderate') : t('low');
  return (
    <section aria-labelledby={id} className="stapel-concentration" data-chart={id}>
      <Heading level={3} id={id}>
        {title}
      </Heading>
      {data.rows.length === 0 ? (
        <Paragraph>{t('none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('hhi', { n: f.num(data.hhi), band })}</Paragraph>
          <BarChart
            label={t('chartLabel', { what: title.toLowerCase(), n: Math.min(CHART_ROWS, data.rows.length) })}
            categories={categories}
            series={series}
            chartRows={CHART_ROWS}
            tableCaption={t('caption', { what: title })}
            categoryHeader={header}
            extraColumns={[{ header: t('share'), values: data.rows.map((r) => f.pct(r.vitalShare)) }]}
          />
        </>
      )}
    </section>
  );
}

export function ConcentrationCharts({ portfolio }: { portfolio: Analysis['portfolio'] }) {
  const t = useT(messages);
  const f = useFormat();
  const { label } = useVocabularies();
  const parentLabel = useMemo(() => (_key: string, l: string) => l, []);
  const countryLabel = useMemo(() => (key: string, l: string) => (/^[A-Z]{2}$/.test(key) ? f.country(key) : l), [f]);
  // Assets without a knowledge-base category are grouped by their type ("type:hardware").
  const categoryLabel = useMemo(
    () => (key: string, l: string) =>
      key.startsWith('type:') ? t('type', { t: label('assetTypes', key.slice(5)) }) : l,
    [t, label],
  );
  return (
    <section aria-labelledby="concentration" className="stapel-section">
      <Heading level={2} id="concentration">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <div className="stapel-charts">
        <ConcentrationChart
          id="by-parent"
          title={t('byUltimateParent')}
          header={t('parent')}
          data={portfolio.byUltimateParent}
          rowLabel={parentLabel}
        />
        <ConcentrationChart
          id="by-country"
          title={t('byCountry')}
          header={t('country')}
          data={portfolio.byCountry}
          rowLabel={countryLabel}
        />
        <ConcentrationChart
          id="by-category"
          title={t('byCategory')}
          header={t('category')}
          data={portfolio.byCategory}
          rowLabel={categoryLabel}
        />
      </div>
    </section>
  );
}

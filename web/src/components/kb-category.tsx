/**
 * A product category: where it sits in the stack, its DOSA priority and DORA service type, how hard
 * switching supplier is (and why), and — where public figures exist — the market shares with the
 * concentration (HHI) that follows from them, as a chart with the same numbers in a table.
 */
import { useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import { useLang, useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { useApi } from '../use-api';
import { Heading, Link, Paragraph, Table, TableBody, TableHead } from './ui';
import { BarChart } from './kb-chart';
import { English, showSearch, useEntryNames, useVocabulary, type KbSource, type Label, FactList } from './kb-common';
import { SourceList } from './kb-sources';

export interface CategoryEntry {
  id: string;
  name: Label;
  layer: string;
  priority?: string;
  doraServiceType?: string;
  substitutability: 'easy' | 'medium' | 'highly-complex' | 'not-substitutable';
  substitutabilityReason: string;
  marketShares?: {
    market: string;
    year: number;
    shares: { vendor: string; share: number }[];
    other?: number;
    sources: KbSource[];
  };
  hhi?: number;
  sources: KbSource[];
}

interface RiskConfig {
  effective: { concentration: { unconcentrated: number; highlyConcentrated: number } };
}

const messages: Messages<
  | 'facts'
  | 'layer'
  | 'priority'
  | 'none'
  | 'dora'
  | 'substitutability'
  | 'easy'
  | 'medium'
  | 'highly-complex'
  | 'not-substitutable'
  | 'why'
  | 'shares'
  | 'noShares'
  | 'market'
  | 'hhi'
  | 'hhiExplain'
  | 'low'
  | 'moderate'
  | 'high'
  | 'chart'
  | 'vendor'
  | 'share'
  | 'other'
  | 'table'
  | 'shareSources'
> = {
  nl: {
    facts: 'Gegevens',
    layer: 'Laag van de digitale stapel',
    priority: 'DOSA-prioriteit',
    none: 'geen',
    dora: 'DORA-dienstsoort (ICT)',
    substitutability: 'Vervangbaarheid',
    easy: 'eenvoudig te vervangen',
    medium: 'matig te vervangen',
    'highly-complex': 'zeer complex te vervangen',
    'not-substitutable': 'niet te vervangen',
    why: 'Waarom',
    shares: 'Marktaandelen',
    noShares:
      'De kennisbank heeft geen gepubliceerde marktaandelen voor deze categorie; de analyse telt de concentratie als onbekend.',
    market: 'Markt',
    hhi: 'Concentratie (HHI)',
    hhiExplain:
      'De Herfindahl-Hirschman-index is de som van de kwadraten van de gepubliceerde marktaandelen (0 tot 10.000); het overige deel telt als versnipperd, dus de index is eerder te laag dan te hoog. Grenzen in de risicoconfiguratie: tot en met {low} niet geconcentreerd, boven {high} sterk geconcentreerd.',
    low: 'niet geconcentreerd',
    moderate: 'matig geconcentreerd',
    high: 'sterk geconcentreerd',
    chart: 'Staafdiagram van de marktaandelen in {year}: {list}.',
    vendor: 'Leverancier',
    share: 'Marktaandeel',
    other: 'Overig',
    table: 'Marktaandelen in {year}',
    shareSources: 'Bronnen van de marktaandelen',
  },
  en: {
    facts: 'Facts',
    layer: 'Layer of the digital stack',
    priority: 'DOSA priority',
    none: 'none',
    dora: 'DORA ICT service type',
    substitutability: 'Substitutability',
    easy: 'easy to substitute',
    medium: 'moderately hard to substitute',
    'highly-complex': 'highly complex to substitute',
    'not-substitutable': 'not substitutable',
    why: 'Why',
    shares: 'Market shares',
    noShares:
      'The knowledge base has no published market shares for this category; the analysis counts its concentration as unknown.',
    market: 'Market',
    hhi: 'Concentration (HHI)',
    hhiExplain:
      'The Herfindahl–Hirschman index is the sum of the squares of the published market shares (0 to 10,000); the rest of the market counts as fragmented, so the index errs on the low side. Bands in the risk configuration: up to {low} unconcentrated, above {high} highly concentrated.',
    low: 'unconcentrated',
    moderate: 'moderately concentrated',
    high: 'highly concentrated',
    chart: 'Bar chart of the market shares in {year}: {list}.',
    vendor: 'Vendor',
    share: 'Market share',
    other: 'Other',
    table: 'Market shares in {year}',
    shareSources: 'Sources of the market shares',
  },
};

export function CategoryView({ entry }: { entry: CategoryEntry }) {
  const t = useT(messages);
  const { lang } = useLang();
  const { base } = useOrg();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const vocab = useVocabulary();
  const shares = entry.marketShares;
  const vendorName = useEntryNames(base, 'vendor', shares?.shares.map((s) => s.vendor) ?? []);
  const { data: risk } = useApi<RiskConfig>(shares ? `${base}/risk-config` : undefined);
  const num = (n: number) => n.toLocaleString(lang);
  const pct = (n: number) => `${n.toLocaleString(lang)}%`;
  const bars = useMemo(
    () =>
      shares
        ? [
            ...shares.shares.map((s) => ({ label: vendorName(s.vendor), value: s.share })),
            ...(shares.other !== undefined ? [{ label: t('other'), value: shares.other }] : []),
          ]
        : [],
    [shares, vendorName, t],
  );
  const bands = risk?.effective.concentration;
  const band =
    entry.hhi === undefined || !bands
      ? undefined
      : entry.hhi <= bands.unconcentrated
        ? t('low')
        : entry.hhi > bands.highlyConcentrated
          ? t('high')
          : t('moderate');
  return (
    <>
      <section aria-labelledby="kb-facts" style={{ marginBlockStart: '1.5rem' }}>
        <Heading level={3} id="kb-facts">
          {t('facts')}
        </Heading>
        <FactList
          items={[
            { key: 'layer', label: t('layer'), value: vocab.layer(entry.layer) },
            {
              key: 'priority',
              label: t('priority'),
              value: entry.priority ? vocab.priority(entry.priority) : t('none'),
            },
            { key: 'dora', label: t('dora'), value: entry.doraServiceType ?? t('none') },
            { key: 'subst', label: t('substitutability'), value: t(entry.substitutability) },
            { key: 'why', label: t('why'), value: <English>{entry.substitutabilityReason}</English> },
          ]}
        />
      </section>
      <section aria-labelledby="kb-shares" style={{ marginBlockStart: '1.5rem' }}>
        <Heading level={3} id="kb-shares">
          {t('shares')}
        </Heading>
        {!shares ? (
          <Paragraph>{t('noShares')}</Paragraph>
        ) : (
          <>
            <FactList
              items={[
                {
                  key: 'market',
                  label: t('market'),
                  value: (
                    <>
                      <English>{shares.market}</English> ({shares.year})
                    </>
                  ),
                },
                ...(entry.hhi !== undefined
                  ? [
                      {
                        key: 'hhi',
                        label: t('hhi'),
                        value: (
                          <span data-testid="hhi">
                            {num(entry.hhi)}
                            {band && <> — {band}</>}
                          </span>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            {bands && (
              <Paragraph>
                {t('hhiExplain', { low: num(bands.unconcentrated), high: num(bands.highlyConcentrated) })}
              </Paragraph>
            )}
            <BarChart
              bars={bars}
              format={pct}
              summary={t('chart', {
                year: shares.year,
                list: bars.map((b) => `${b.label} ${pct(b.value)}`).join(', '),
              })}
            />
            <Table caption={t('table', { year: shares.year })}>
              <TableHead cells={[t('vendor'), t('share')]} />
              <TableBody
                rows={[
                  ...shares.shares.map((s) => ({
                    key: s.vendor,
                    cells: [
                      <Link to={showSearch(params, 'vendor', s.vendor)}>{vendorName(s.vendor)}</Link>,
                      pct(s.share),
                    ],
                  })),
                  ...(shares.other !== undefined ? [{ key: '(other)', cells: [t('other'), pct(shares.other)] }] : []),
                ]}
              />
            </Table>
            <SourceList sources={shares.sources} id="kb-shares" level={4} title={t('shareSources')} />
          </>
        )}
      </section>
      <SourceList sources={entry.sources} id="kb-category" />
    </>
  );
}

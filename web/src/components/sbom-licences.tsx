/**
 * The licences of every component in the portfolio's SBOMs (`{base}/licences`): components per
 * licence family — as a chart with the same numbers in a table — and the most used SPDX licences.
 * A component counts once, in the most demanding family of its statements (docs/sboms.md).
 */
import { useMemo } from 'react';
import { useLang, useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { useApi } from '../use-api';
import { Alert, Heading, Loading, Paragraph, Table, TableBody, TableHead } from './ui';
import { BarChart } from './kb-chart';

const FAMILIES = ['permissive', 'weak-copyleft', 'strong-copyleft', 'network-copyleft', 'unknown'] as const;
type Family = (typeof FAMILIES)[number];

export interface LicenceSummary {
  components: number;
  withoutLicence: number;
  byFamily: Record<Family, number>;
  byLicence: { id: string; components: number }[];
  unreadable: { text: string; components: number; problem: string }[];
}

/** How many licences the table lists; the rest is counted in a sentence. */
const TOP = 20;

const messages: Messages<
  | Family
  | 'title'
  | 'intro'
  | 'total'
  | 'empty'
  | 'loading'
  | 'chart'
  | 'families'
  | 'family'
  | 'components'
  | 'share'
  | 'licences'
  | 'licence'
  | 'more'
  | 'unreadable'
  | 'statement'
  | 'problem'
> = {
  nl: {
    permissive: 'Permissief',
    'weak-copyleft': 'Zwakke copyleft',
    'strong-copyleft': 'Sterke copyleft',
    'network-copyleft': 'Netwerk-copyleft',
    unknown: 'Onbekend',
    title: 'Licenties in de portefeuille',
    intro:
      'Een component telt één keer, in de meest veeleisende familie van zijn licentievermeldingen; bij “of” telt de minst veeleisende keuze.',
    total: '{n} componenten in de SBOM’s van alle assets, waarvan {without} zonder licentievermelding.',
    empty: 'Er zijn nog geen SBOM’s geïmporteerd: importeer er een met stapel sbom import <asset> <bestand>.',
    loading: 'Licenties laden…',
    chart: 'Staafdiagram van de componenten per licentiefamilie: {list}.',
    families: 'Componenten per licentiefamilie',
    family: 'Licentiefamilie',
    components: 'Componenten',
    share: 'Aandeel',
    licences: 'Meest gebruikte licenties (SPDX)',
    licence: 'Licentie',
    more: 'En nog {n} andere licenties.',
    unreadable: 'Vermeldingen die geen SPDX-licentie-expressie zijn',
    statement: 'Vermelding',
    problem: 'Probleem',
  },
  en: {
    permissive: 'Permissive',
    'weak-copyleft': 'Weak copyleft',
    'strong-copyleft': 'Strong copyleft',
    'network-copyleft': 'Network copyleft',
    unknown: 'Unknown',
    title: 'Licences in the portfolio',
    intro:
      'A component counts once, in the most demanding family of its licence statements; for “or” the least demanding choice counts.',
    total: '{n} components in the SBOMs of all assets, {without} of them without a licence statement.',
    empty: 'No SBOMs have been imported yet: import one with stapel sbom import <asset> <file>.',
    loading: 'Loading licences…',
    chart: 'Bar chart of the components per licence family: {list}.',
    families: 'Components per licence family',
    family: 'Licence family',
    components: 'Components',
    share: 'Share',
    licences: 'Most used licences (SPDX)',
    licence: 'Licence',
    more: 'And {n} other licences.',
    unreadable: 'Statements that are not SPDX licence expressions',
    statement: 'Statement',
    problem: 'Problem',
  },
};

export function LicenceOverview() {
  const t = useT(messages);
  const { lang } = useLang();
  const { base } = useOrg();
  const { data, error, loading } = useApi<LicenceSummary>(`${base}/licences`);
  const num = (n: number) => n.toLocaleString(lang);
  const pct = (n: number) =>
    data?.components ? `${((100 * n) / data.components).toLocaleString(lang, { maximumFractionDigits: 1 })}%` : '—';
  const bars = useMemo(
    () => (data ? FAMILIES.map((f) => ({ label: t(f), value: data.byFamily[f] ?? 0 })) : []),
    [data, t],
  );
  return (
    <section aria-labelledby="sbom-licences" style={{ marginBlockStart: '2.5rem' }}>
      <Heading level={2} id="sbom-licences">
        {t('title')}
      </Heading>
      {loading && <Loading label={t('loading')} />}
      {error && <Alert type="error">{error.message}</Alert>}
      {data &&
        (data.components === 0 ? (
          <Paragraph>{t('empty')}</Paragraph>
        ) : (
          <>
            <Paragraph>{t('total', { n: num(data.components), without: num(data.withoutLicence) })}</Paragraph>
            <Paragraph>{t('intro')}</Paragraph>
            <BarChart
              bars={bars}
              format={num}
              summary={t('chart', { list: bars.map((b) => `${b.label} ${num(b.value)}`).join(', ') })}
            />
            <Table caption={t('families')}>
              <TableHead cells={[t('family'), t('components'), t('share')]} />
              <TableBody
                rows={FAMILIES.map((f) => ({
                  key: f,
                  cells: [t(f), num(data.byFamily[f] ?? 0), pct(data.byFamily[f] ?? 0)],
                }))}
              />
            </Table>
            {data.byLicence.length > 0 && (
              <Table caption={t('licences')}>
                <TableHead cells={[t('licence'), t('components')]} />
                <TableBody
                  rows={data.byLicence.slice(0, TOP).map((l) => ({
                    key: l.id,
                    cells: [<code>{l.id}</code>, num(l.components)],
                  }))}
                />
              </Table>
            )}
            {data.byLicence.length > TOP && <Paragraph>{t('more', { n: num(data.byLicence.length - TOP) })}</Paragraph>}
            {data.unreadable.length > 0 && (
              <Table caption={t('unreadable')}>
                <TableHead cells={[t('statement'), t('components'), t('problem')]} />
                <TableBody
                  rows={data.unreadable.map((u) => ({
                    key: u.text,
                    cells: [<code>{u.text}</code>, num(u.components), <span lang="en">{u.problem}</span>],
                  }))}
                />
              </Table>
            )}
          </>
        ))}
    </section>
  );
}

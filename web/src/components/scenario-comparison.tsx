/**
 * The scenario before and after the planned measures: the measures' effects applied, the totals
 * on both sides, and every process whose state or time to restore changes.
 */
import { useT, type Messages } from '../i18n';
import { StateBadge, useDuration } from './scenario-state';
import type { ScenarioRun } from './scenario-types';
import { DataList, Heading, Link, Paragraph, Table, TableBody, TableHead } from './ui';

const messages: Messages<
  | 'title'
  | 'applied'
  | 'noEffects'
  | 'totals'
  | 'before'
  | 'after'
  | 'counts'
  | 'restore'
  | 'changes'
  | 'caption'
  | 'process'
  | 'noChanges'
> = {
  nl: {
    title: 'Met de geplande maatregelen',
    applied: 'Toegepaste effecten van maatregelen',
    noEffects: 'Er zijn geen geplande of lopende maatregelen met effecten.',
    totals: 'Processen',
    before: 'Nu',
    after: 'Na de maatregelen',
    counts: '{stopped} gestopt, {degraded} beperkt, {running} draaien door',
    restore: 'Langste hersteltijd',
    changes: 'Verschil per proces',
    caption: 'Processen waarvan de toestand of hersteltijd verandert ({n})',
    process: 'Proces',
    noChanges: 'De maatregelen veranderen niets aan de uitkomst van dit scenario.',
  },
  en: {
    title: 'With the planned measures',
    applied: 'Effects of measures applied',
    noEffects: 'There are no planned or ongoing measures with effects.',
    totals: 'Processes',
    before: 'Now',
    after: 'After the measures',
    counts: '{stopped} stopped, {degraded} degraded, {running} running',
    restore: 'Longest time to restore',
    changes: 'Difference per process',
    caption: 'Processes whose state or time to restore changes ({n})',
    process: 'Process',
    noChanges: 'The measures do not change the outcome of this scenario.',
  },
};

export function ScenarioComparison({ comparison }: { comparison: NonNullable<ScenarioRun['comparison']> }) {
  const t = useT(messages);
  const duration = useDuration();
  const { before, after, applied, changes } = comparison;
  return (
    <section aria-labelledby="scenario-comparison-heading">
      <Heading level={3} id="scenario-comparison-heading">
        {t('title')}
      </Heading>
      {applied.length ? (
        <>
          <Paragraph>{t('applied')}:</Paragraph>
          <ul className="utrecht-unordered-list">
            {applied.map((a, i) => (
              <li key={i} className="utrecht-unordered-list__item">
                {a}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Paragraph>{t('noEffects')}</Paragraph>
      )}
      <DataList
        items={[
          {
            key: 'before',
            label: `${t('totals')} — ${t('before')}`,
            value: `${t('counts', before.summary.processes)}; ${t('restore').toLowerCase()}: ${duration(before.summary.restoreHours)}`,
          },
          {
            key: 'after',
            label: `${t('totals')} — ${t('after')}`,
            value: `${t('counts', after.summary.processes)}; ${t('restore').toLowerCase()}: ${duration(after.summary.restoreHours)}`,
          },
        ]}
      />
      <Heading level={4}>{t('changes')}</Heading>
      {changes.length ? (
        <Table caption={t('caption', { n: changes.length })}>
          <TableHead cells={[t('process'), t('before'), t('after')]} />
          <TableBody
            rows={changes.map((c) => ({
              key: c.processId,
              cells: [
                <Link to={`/processes/${encodeURIComponent(c.processId)}`}>{c.name}</Link>,
                <>
                  <StateBadge state={c.before} />, {duration(c.restoreBefore)}
                </>,
                <>
                  <StateBadge state={c.after} />, {duration(c.restoreAfter)}
                </>,
              ],
            }))}
          />
        </Table>
      ) : (
        <Paragraph>{t('noChanges')}</Paragraph>
      )}
    </section>
  );
}

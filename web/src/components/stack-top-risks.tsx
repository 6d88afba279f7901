/**
 * The portfolio's top risks as the analysis ranks them (strategic dependencies first, by their
 * more severe threat score): each asset linked to its explanation, with the threat, score and
 * level, and whether it is strategic in words.
 */
import { useT, type Messages } from '../i18n';
import type { TopRisk } from './explain-types';
import { RiskBadge } from './risk';
import { Heading, Link, Paragraph, Table, TableBody, TableHead } from './ui';

type Key =
  'title' | 'caption' | 'asset' | 'threat' | 'risk' | 'strategic' | 'continuity' | 'access' | 'yes' | 'no' | 'none';

const messages: Messages<Key> = {
  nl: {
    title: 'Grootste risico’s',
    caption: 'Grootste risico’s: strategische afhankelijkheden eerst, op hun hoogste score',
    asset: 'Voorziening',
    threat: 'Dreiging',
    risk: 'Risico (score)',
    strategic: 'Strategisch',
    continuity: 'continuïteit',
    access: 'toegang',
    yes: 'ja',
    no: 'nee',
    none: 'Geen risico’s gevonden.',
  },
  en: {
    title: 'Top risks',
    caption: 'Top risks: strategic dependencies first, by their highest score',
    asset: 'Asset',
    threat: 'Threat',
    risk: 'Risk (score)',
    strategic: 'Strategic',
    continuity: 'continuity',
    access: 'access',
    yes: 'yes',
    no: 'no',
    none: 'No risks found.',
  },
};

export function TopRisks({ risks }: { risks: TopRisk[] }) {
  const t = useT(messages);
  return (
    <section aria-labelledby="top-risks" className="stapel-section">
      <Heading level={2} id="top-risks">
        {t('title')}
      </Heading>
      {risks.length === 0 ? (
        <Paragraph>{t('none')}</Paragraph>
      ) : (
        <Table caption={t('caption')}>
          <TableHead cells={[t('asset'), t('threat'), t('risk'), t('strategic')]} />
          <TableBody
            rows={risks.map((r) => ({
              key: `${r.assetId}-${r.threat}`,
              cells: [
                <Link to={`/assets/${encodeURIComponent(r.assetId)}`}>{r.name}</Link>,
                t(r.threat),
                <RiskBadge level={r.level} score={r.score} />,
                r.strategic ? t('yes') : t('no'),
              ],
            }))}
          />
        </Table>
      )}
    </section>
  );
}

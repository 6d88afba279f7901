/**
 * One threat score explained: likelihood × impact = score and level, why the impact is what it
 * is, and every factor of the likelihood in a table — value, weight, the points it adds, the fact
 * and its sources — with factors that fell back on a default because a fact is missing marked in
 * words. The factor labels come from the API; in Dutch the known factors are translated.
 */
import { useLang, useT, type Messages } from '../i18n';
import { EngineText, useFormat } from './explain-format';
import { Sources } from './explain-sources';
import type { ThreatScore } from './explain-types';
import { RiskBadge } from './risk';
import { Heading, Paragraph, Table, TableBody, TableHead } from './ui';

const DUTCH_FACTORS: Record<string, string> = {
  concentration: 'marktconcentratie',
  substitutability: 'vervangbaarheid',
  countryRelation: 'relatie met het land van de leverancier',
  mutualDependence: 'wederzijdse afhankelijkheid',
  jurisdiction: 'blootstelling aan buitenlandse jurisdictie',
  dataLocation: 'locatie van de data',
  keyControl: 'wie de sleutels beheert',
};

type Key =
  | 'continuity'
  | 'access'
  | 'formula'
  | 'impactReason'
  | 'caption'
  | 'factor'
  | 'value'
  | 'weight'
  | 'contribution'
  | 'fact'
  | 'sources'
  | 'missing'
  | 'noFactors';

const messages: Messages<Key> = {
  nl: {
    continuity: 'Continuïteit: kans dat de levering stopt',
    access: 'Toegang: kans dat derden bij de gegevens kunnen',
    formula: 'Kans {l} × impact {i} = score {s}',
    impactReason: 'Waarom deze impact:',
    caption: 'Factoren van de kans (kans = 1 + de som van de bijdragen)',
    factor: 'Factor',
    value: 'Waarde (0–1)',
    weight: 'Gewicht',
    contribution: 'Bijdrage',
    fact: 'Feit',
    sources: 'Bronnen',
    missing: 'ontbrekend gegeven: standaardwaarde gebruikt',
    noFactors: 'Geen factoren.',
  },
  en: {
    continuity: 'Continuity: likelihood that supply stops',
    access: 'Access: likelihood that third parties reach the data',
    formula: 'Likelihood {l} × impact {i} = score {s}',
    impactReason: 'Why this impact:',
    caption: 'Factors of the likelihood (likelihood = 1 + the sum of the contributions)',
    factor: 'Factor',
    value: 'Value (0–1)',
    weight: 'Weight',
    contribution: 'Contribution',
    fact: 'Fact',
    sources: 'Sources',
    missing: 'missing fact: default value used',
    noFactors: 'No factors.',
  },
};

export function ThreatScoreSection({ threat, score }: { threat: 'continuity' | 'access'; score: ThreatScore }) {
  const t = useT(messages);
  const { lang } = useLang();
  const f = useFormat();
  const headingId = `score-${threat}`;
  return (
    <section aria-labelledby={headingId} className="stapel-section" data-threat={threat}>
      <Heading level={2} id={headingId}>
        {t(threat)}
      </Heading>
      <Paragraph>
        <strong>{t('formula', { l: f.num(score.likelihood), i: f.num(score.impact), s: f.num(score.score) })}</strong>{' '}
        <RiskBadge level={score.level} />
      </Paragraph>
      <Paragraph>
        {t('impactReason')} <EngineText>{score.impactReason}</EngineText>
      </Paragraph>
      {score.impactSources.length > 0 && <Sources sources={score.impactSources} />}
      {score.factors.length === 0 ? (
        <Paragraph>{t('noFactors')}</Paragraph>
      ) : (
        <Table caption={t('caption')}>
          <TableHead cells={[t('factor'), t('value'), t('weight'), t('contribution'), t('fact'), t('sources')]} />
          <TableBody
            rows={score.factors.map((x) => ({
              key: x.id,
              cells: [
                <>
                  <span className="stapel-factor-label" data-factor={x.id}>
                    {lang === 'nl' ? (DUTCH_FACTORS[x.id] ?? <EngineText>{x.label}</EngineText>) : x.label}
                  </span>
                  {x.missing && (
                    <>
                      {' '}
                      <span className="stapel-tag stapel-tag--missing">
                        <span aria-hidden="true">⚠ </span>
                        {t('missing')}
                      </span>
                    </>
                  )}
                </>,
                f.num(x.value),
                f.num(x.weight),
                `+${f.num(x.contribution)}`,
                <EngineText>{x.fact}</EngineText>,
                <Sources sources={x.sources} />,
              ],
            }))}
          />
        </Table>
      )}
    </section>
  );
}

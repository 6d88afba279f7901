/**
 * The six DOSA layers as horizontal bands, applications (6) on top and raw materials (1) at the
 * bottom, as a list whose items name their layer number, so the order is as clear to a screen
 * reader as to the eye. Each band lists the organisation's assets on that layer with the level of
 * their more severe threat, strategic ones marked in words, and a summary: how many assets, how
 * many strategic, the highest level.
 */
import { useT, type Messages } from '../i18n';
import { maxLevel, useVocabularies } from './explain-format';
import { LAYER_CODES, type SummaryAsset } from './explain-types';
import { RiskBadge } from './risk';
import { Heading, Link } from './ui';

type Key =
  | 'list'
  | 'layer'
  | 'count'
  | 'strategicCount'
  | 'highest'
  | 'shown'
  | 'empty'
  | 'emptyStrategic'
  | 'strategic'
  | 'continuity'
  | 'access'
  | 'threat';

const messages: Messages<Key> = {
  nl: {
    list: 'De zes lagen van de digitale stapel, van boven (laag 6) naar beneden (laag 1)',
    layer: 'Laag',
    count: '{n} voorzieningen',
    strategicCount: '{n} strategisch',
    highest: 'hoogste risico:',
    shown: '{n} getoond',
    empty: 'Geen voorzieningen op deze laag.',
    emptyStrategic: 'Geen strategische afhankelijkheden op deze laag.',
    strategic: 'strategisch',
    continuity: 'continuïteit',
    access: 'toegang',
    threat: '({t})',
  },
  en: {
    list: 'The six layers of the digital stack, from the top (layer 6) to the bottom (layer 1)',
    layer: 'Layer',
    count: '{n} assets',
    strategicCount: '{n} strategic',
    highest: 'highest risk:',
    shown: '{n} shown',
    empty: 'No assets on this layer.',
    emptyStrategic: 'No strategic dependencies on this layer.',
    strategic: 'strategic',
    continuity: 'continuity',
    access: 'access',
    threat: '({t})',
  },
};

/** Strategic first, then the most severe, then by name. */
function byConcern(a: SummaryAsset, b: SummaryAsset): number {
  if (a.strategic !== b.strategic) return a.strategic ? -1 : 1;
  const d = b.score - a.score;
  return d || a.name.localeCompare(b.name);
}

export function StackBands({ assets, strategicOnly }: { assets: SummaryAsset[]; strategicOnly: boolean }) {
  const t = useT(messages);
  const { label } = useVocabularies();
  const top = [...LAYER_CODES].reverse();
  return (
    <ul className="stapel-stack" aria-label={t('list')}>
      {top.map((layer) => {
        const number = LAYER_CODES.indexOf(layer) + 1;
        const all = assets.filter((a) => a.layers.includes(layer));
        const strategic = all.filter((a) => a.strategic);
        const shown = (strategicOnly ? strategic : all).slice().sort(byConcern);
        const highest = maxLevel(all.map((a) => a.level));
        const headingId = `band-${layer}`;
        return (
          <li key={layer} className={`stapel-band stapel-band--${number}`} data-layer={layer}>
            <section aria-labelledby={headingId}>
              <div className="stapel-band__head">
                <Heading level={3} id={headingId}>
                  <span className="stapel-visually-hidden">{t('layer')} </span>
                  <span className="stapel-band__number">{number}</span> {label('layers', layer)}
                </Heading>
                <p className="utrecht-paragraph stapel-band__summary">
                  <span className="stapel-band__count">{t('count', { n: all.length })}</span> ·{' '}
                  {t('strategicCount', { n: strategic.length })}
                  {highest && (
                    <>
                      {' '}
                      · {t('highest')} <RiskBadge level={highest} />
                    </>
                  )}
                  {strategicOnly && <> · {t('shown', { n: shown.length })}</>}
                </p>
              </div>
              {shown.length ? (
                <ul className="stapel-band__assets">
                  {shown.map((a) => {
                    const w = a;
                    return (
                      <li
                        key={a.assetId}
                        className={a.strategic ? 'stapel-chip stapel-chip--strategic' : 'stapel-chip'}
                      >
                        <Link to={`/assets/${encodeURIComponent(a.assetId)}`}>{a.name}</Link>
                        <span>
                          <RiskBadge level={w.level} /> {t('threat', { t: t(w.threat) })}
                        </span>
                        {a.strategic && (
                          <span className="stapel-tag">
                            <span aria-hidden="true">★ </span>
                            {t('strategic')}
                          </span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              ) : (
                <p className="utrecht-paragraph">{strategicOnly ? t('emptyStrategic') : t('empty')}</p>
              )}
            </section>
          </li>
        );
      })}
    </ul>
  );
}

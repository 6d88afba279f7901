/**
 * One process explained: whether it is vital, its continuity score (the likelihood it inherits
 * from its weakest required dependency, the impact, and how its redundancy groups came out), its
 * access score, its single points of failure and the assets it needs.
 */
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { DependencyList } from '../components/explain-dependencies';
import { useFormat } from '../components/explain-format';
import { PageState } from '../components/explain-page-state';
import type { Graph, GroupOutcome, ProcessRecord, ProcessRisk } from '../components/explain-types';
import { RiskBadge } from '../components/risk';
import { Alert, DataList, Heading, Link, Paragraph } from '../components/ui';
import '../components/stack-layout.css';
import { useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { useApi } from '../use-api';

type Key =
  | 'title'
  | 'vital'
  | 'vitalYes'
  | 'vitalNo'
  | 'downtime'
  | 'hours'
  | 'owner'
  | 'continuity'
  | 'formula'
  | 'continuityVia'
  | 'weakest'
  | 'groups'
  | 'noGroups'
  | 'independent'
  | 'together'
  | 'shared'
  | 'groupLikelihood'
  | 'access'
  | 'accessScore'
  | 'accessVia'
  | 'accessNote'
  | 'spof'
  | 'spofIntro'
  | 'spofNone'
  | 'spofNotVital'
  | 'needs'
  | 'graphError';

const messages: Messages<Key> = {
  nl: {
    title: 'Proces',
    vital: 'Vitaal proces',
    vitalYes: 'Ja',
    vitalNo: 'Nee',
    downtime: 'Maximaal toelaatbare uitval',
    hours: '{n} uur',
    owner: 'Eigenaar',
    continuity: 'Continuïteit',
    formula: 'Kans {l} × impact {i} = score {s}',
    continuityVia: 'De kans komt van:',
    weakest:
      'Een proces is zo kwetsbaar als zijn kwetsbaarste verplichte afhankelijkheid (zwakste schakel); een redundantiegroep valt alleen uit als al haar leden uitvallen.',
    groups: 'Redundantiegroepen',
    noGroups: 'Er liggen geen redundantiegroepen direct onder dit proces.',
    independent: 'onafhankelijke leden: de groep verlaagt het risico',
    together: 'de leden vallen samen uit',
    shared: 'gedeelde uiteindelijke moeder: {r}',
    groupLikelihood: 'kans van de groep: {l}',
    access: 'Toegang',
    accessScore: 'Score {s}',
    accessVia: 'De score komt van:',
    accessNote:
      'Redundantie verlaagt de toegangsscore niet: de hoogste toegangsscore van alles wat het proces bereikt, telt.',
    spof: 'Enkelvoudige faalpunten',
    spofIntro:
      'Voorzieningen die dit proces via verplichte afhankelijkheden bereikt: valt er één uit, dan stopt het proces.',
    spofNone: 'Dit proces heeft geen enkelvoudige faalpunten.',
    spofNotVital: 'Enkelvoudige faalpunten worden alleen voor vitale processen berekend.',
    needs: 'Voorzieningen die dit proces direct gebruikt',
    graphError: 'De afhankelijkheden konden niet worden geladen: {m}',
  },
  en: {
    title: 'Process',
    vital: 'Vital process',
    vitalYes: 'Yes',
    vitalNo: 'No',
    downtime: 'Maximum tolerable downtime',
    hours: '{n} hours',
    owner: 'Owner',
    continuity: 'Continuity',
    formula: 'Likelihood {l} × impact {i} = score {s}',
    continuityVia: 'The likelihood comes from:',
    weakest:
      'A process is as exposed as its most exposed required dependency (weakest link); a redundancy group fails only when all its members fail.',
    groups: 'Redundancy groups',
    noGroups: 'No redundancy groups lie directly under this process.',
    independent: 'independent members: the group lowers the risk',
    together: 'the members fail together',
    shared: 'shared ultimate parent: {r}',
    groupLikelihood: 'likelihood of the group: {l}',
    access: 'Access',
    accessScore: 'Score {s}',
    accessVia: 'The score comes from:',
    accessNote:
      'Redundancy does not lower the access score: the highest access score of anything the process reaches counts.',
    spof: 'Single points of failure',
    spofIntro: 'Assets this process reaches through required dependencies only: if one fails, the process stops.',
    spofNone: 'This process has no single points of failure.',
    spofNotVital: 'Single points of failure are computed for vital processes only.',
    needs: 'Assets this process uses directly',
    graphError: 'The dependencies could not be loaded: {m}',
  },
};

export default function ProcessPage() {
  const t = useT(messages);
  const f = useFormat();
  const { id = '' } = useParams();
  const { base } = useOrg();
  const explained = useApi<ProcessRisk>(`${base}/analysis/processes/${encodeURIComponent(id)}`);
  const record = useApi<ProcessRecord>(`${base}/processes/${encodeURIComponent(id)}`);
  const graph = useApi<Graph>(`${base}/graph`);
  const p = explained.data;
  if (!p || p.processId !== id)
    return <PageState title={t('title')} {...(explained.error ? { error: explained.error } : {})} />;
  const names = new Map(graph.data?.nodes.filter((n) => n.kind === 'asset').map((n) => [n.id, n.name]));
  const assetLink = (assetId: string) => (
    <Link to={`/assets/${encodeURIComponent(assetId)}`}>{names.get(assetId) ?? assetId}</Link>
  );
  const r = record.data;
  return (
    <article className="stapel-detail stapel-page">
      <Heading level={1}>{p.name}</Heading>
      {r?.description && <Paragraph lead>{r.description}</Paragraph>}
      <DataList
        items={[
          { key: 'vital', label: t('vital'), value: p.vital ? t('vitalYes') : t('vitalNo') },
          ...(r?.maxTolerableDowntimeHours !== undefined
            ? [{ key: 'downtime', label: t('downtime'), value: t('hours', { n: f.num(r.maxTolerableDowntimeHours) }) }]
            : []),
          ...(r?.owner ? [{ key: 'owner', label: t('owner'), value: r.owner }] : []),
        ]}
      />
      <section aria-labelledby="continuity" className="stapel-section">
        <Heading level={2} id="continuity">
          {t('continuity')}
        </Heading>
        <Paragraph>
          <strong>
            {t('formula', {
              l: f.num(p.continuity.likelihood),
              i: f.num(p.continuity.impact),
              s: f.num(p.continuity.score),
            })}
          </strong>{' '}
          <RiskBadge level={p.continuity.level} />
        </Paragraph>
        {p.continuity.via && (
          <Paragraph>
            {t('continuityVia')} {assetLink(p.continuity.via)}
          </Paragraph>
        )}
        <Paragraph>{t('weakest')}</Paragraph>
        <Heading level={3} id="groups">
          {t('groups')}
        </Heading>
        {p.continuity.groups.length ? (
          <ul className="utrecht-unordered-list stapel-groups">
            {p.continuity.groups.map((g) => (
              <Group key={g.name} group={g} assetLink={assetLink} />
            ))}
          </ul>
        ) : (
          <Paragraph>{t('noGroups')}</Paragraph>
        )}
      </section>
      <section aria-labelledby="access" className="stapel-section">
        <Heading level={2} id="access">
          {t('access')}
        </Heading>
        <Paragraph>
          <strong>{t('accessScore', { s: f.num(p.access.score) })}</strong> <RiskBadge level={p.access.level} />
        </Paragraph>
        {p.access.via && (
          <Paragraph>
            {t('accessVia')} {assetLink(p.access.via)}
          </Paragraph>
        )}
        <Paragraph>{t('accessNote')}</Paragraph>
      </section>
      <section aria-labelledby="spof" className="stapel-section" data-section="spof">
        <Heading level={2} id="spof">
          {t('spof')}
        </Heading>
        {!p.singlePointsOfFailure ? (
          <Paragraph>{t('spofNotVital')}</Paragraph>
        ) : p.singlePointsOfFailure.length === 0 ? (
          <Paragraph>{t('spofNone')}</Paragraph>
        ) : (
          <>
            <Paragraph>{t('spofIntro')}</Paragraph>
            <ul className="utrecht-unordered-list stapel-spof" aria-labelledby="spof">
              {p.singlePointsOfFailure.map((a) => (
                <li key={a}>{assetLink(a)}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="needs" className="stapel-section">
        <Heading level={2} id="needs">
          {t('needs')}
        </Heading>
        {graph.error && <Alert type="error">{t('graphError', { m: graph.error.message })}</Alert>}
        {graph.data && (
          <DependencyList
            graph={graph.data}
            nodeRef={`process:${p.processId}`}
            direction="down"
            kinds={['asset']}
            label={t('needs')}
          />
        )}
      </section>
    </article>
  );
}

function Group({ group: g, assetLink }: { group: GroupOutcome; assetLink: (id: string) => ReactNode }) {
  const t = useT(messages);
  const f = useFormat();
  return (
    <li>
      <strong>{g.name}</strong>:{' '}
      {g.members.map((m, i) => (
        <span key={m}>
          {i > 0 && ', '}
          {assetLink(m)}
        </span>
      ))}{' '}
      — {g.independent ? t('independent') : t('together')}
      {g.sharedRoots.length > 0 && <> ({t('shared', { r: g.sharedRoots.join(', ') })})</>};{' '}
      {t('groupLikelihood', { l: f.num(g.likelihood) })}
    </li>
  );
}

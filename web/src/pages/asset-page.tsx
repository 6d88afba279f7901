/**
 * One asset explained: what it is, on which layers, who provides it and who owns that provider up
 * to the ultimate parent; why it is (not) strategic; its continuity and access scores factor by
 * factor with their sources; the facts that are missing; what it needs and what needs it; and its
 * SBOM summary when it has one.
 */
import { useParams } from 'react-router-dom';
import { OwnershipChain } from '../components/explain-chain';
import { DependencyList } from '../components/explain-dependencies';
import { EngineText, useFormat, useVocabularies } from '../components/explain-format';
import { PageState } from '../components/explain-page-state';
import { SbomSummary } from '../components/explain-sbom';
import { ThreatScoreSection } from '../components/explain-score';
import type { AssetRecord, AssetRisk, Graph } from '../components/explain-types';
import { Alert, DataList, Heading, Link, Paragraph } from '../components/ui';
import '../components/stack-layout.css';
import { useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { useApi } from '../use-api';

type Key =
  | 'title'
  | 'edit'
  | 'type'
  | 'layers'
  | 'layer'
  | 'provider'
  | 'chain'
  | 'ultimate'
  | 'jurisdictions'
  | 'strategic'
  | 'yes'
  | 'no'
  | 'setBy'
  | 'missing'
  | 'noMissing'
  | 'missingIntro'
  | 'deps'
  | 'down'
  | 'up'
  | 'graphError'
  | 'unknown';

const messages: Messages<Key> = {
  nl: {
    title: 'Voorziening',
    edit: 'Bewerken',
    type: 'Soort',
    layers: 'Lagen',
    layer: '{n} {name}',
    provider: 'Leverancier',
    chain: 'Eigendomsketen',
    ultimate: 'Uiteindelijke moeder',
    jurisdictions: 'Jurisdicties die reiken tot deze voorziening',
    strategic: 'Strategische afhankelijkheid',
    yes: 'Ja',
    no: 'Nee',
    setBy: 'Proces dat de continuïteitsimpact bepaalt',
    missing: 'Ontbrekende gegevens',
    missingIntro: 'Voor deze gegevens gebruikte de analyse een standaardwaarde; vul ze aan voor een scherper beeld.',
    noMissing: 'Er ontbreken geen gegevens.',
    deps: 'Afhankelijkheden',
    down: 'Wat deze voorziening nodig heeft',
    up: 'Wat van deze voorziening afhangt',
    graphError: 'De afhankelijkheden konden niet worden geladen: {m}',
    unknown: 'onbekend',
  },
  en: {
    title: 'Asset',
    edit: 'Edit',
    type: 'Type',
    layers: 'Layers',
    layer: '{n} {name}',
    provider: 'Provider',
    chain: 'Ownership chain',
    ultimate: 'Ultimate parent',
    jurisdictions: 'Jurisdictions that reach this asset',
    strategic: 'Strategic dependency',
    yes: 'Yes',
    no: 'No',
    setBy: 'Process that sets the continuity impact',
    missing: 'Missing data',
    missingIntro: 'For these facts the analysis used a default value; add them for a sharper picture.',
    noMissing: 'No data is missing.',
    deps: 'Dependencies',
    down: 'What this asset needs',
    up: 'What depends on this asset',
    graphError: 'The dependencies could not be loaded: {m}',
    unknown: 'unknown',
  },
};

export default function AssetPage() {
  const t = useT(messages);
  const { id = '' } = useParams();
  const { base } = useOrg();
  const path = `${base}/analysis/assets/${encodeURIComponent(id)}`;
  const explained = useApi<AssetRisk>(path);
  const record = useApi<AssetRecord>(`${base}/assets/${encodeURIComponent(id)}`);
  const graph = useApi<Graph>(`${base}/graph`);
  const a = explained.data;
  if (!a || a.assetId !== id)
    return <PageState title={t('title')} {...(explained.error ? { error: explained.error } : {})} />;
  return (
    <article className="stapel-detail stapel-page">
      <Heading level={1}>{a.name}</Heading>
      {record.data?.description && <Paragraph lead>{record.data.description}</Paragraph>}
      <Paragraph>
        <Link to={`/register/assets?edit=${encodeURIComponent(a.assetId)}`}>{t('edit')}</Link>
      </Paragraph>
      <Facts asset={a} record={record.data} />
      <ThreatScoreSection threat="continuity" score={a.continuity} />
      <ThreatScoreSection threat="access" score={a.access} />
      <section aria-labelledby="missing" className="stapel-section">
        <Heading level={2} id="missing">
          {t('missing')}
        </Heading>
        {a.missing.length ? (
          <>
            <Paragraph>{t('missingIntro')}</Paragraph>
            <ul className="utrecht-unordered-list stapel-missing">
              {a.missing.map((m) => (
                <li key={m}>
                  <EngineText>{m}</EngineText>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <Paragraph>{t('noMissing')}</Paragraph>
        )}
      </section>
      <section aria-labelledby="deps" className="stapel-section">
        <Heading level={2} id="deps">
          {t('deps')}
        </Heading>
        {graph.error && <Alert type="error">{t('graphError', { m: graph.error.message })}</Alert>}
        {graph.data && (
          <>
            <Heading level={3} id="deps-down">
              {t('down')}
            </Heading>
            <DependencyList graph={graph.data} nodeRef={`asset:${a.assetId}`} direction="down" label={t('down')} />
            <Heading level={3} id="deps-up">
              {t('up')}
            </Heading>
            <DependencyList graph={graph.data} nodeRef={`asset:${a.assetId}`} direction="up" label={t('up')} />
          </>
        )}
      </section>
      <SbomSummary assetId={a.assetId} />
    </article>
  );
}

function Facts({ asset: a, record }: { asset: AssetRisk; record?: AssetRecord }) {
  const t = useT(messages);
  const f = useFormat();
  const { label, layerNumber } = useVocabularies();
  const providerId = record?.providerId ?? a.provider?.id;
  return (
    <DataList
      items={[
        ...(record ? [{ key: 'type', label: t('type'), value: label('assetTypes', record.type) }] : []),
        {
          key: 'layers',
          label: t('layers'),
          value: a.layers
            .map((l) => t('layer', { n: layerNumber(l) ?? '', name: label('layers', l) }).trim())
            .join(', '),
        },
        { key: 'provider', label: t('provider'), value: a.provider?.name ?? t('unknown') },
        ...(providerId
          ? [
              {
                key: 'chain',
                label: t('chain'),
                value: (
                  <OwnershipChain
                    providerId={providerId}
                    {...(a.ultimateParent ? { ultimateParent: a.ultimateParent } : {})}
                  />
                ),
              },
            ]
          : []),
        {
          key: 'ultimate',
          label: t('ultimate'),
          value: a.ultimateParent
            ? `${a.ultimateParent.name}${a.ultimateParent.country ? ` — ${f.country(a.ultimateParent.country)}` : ''}`
            : t('unknown'),
        },
        {
          key: 'jurisdictions',
          label: t('jurisdictions'),
          value: a.jurisdictions.length ? a.jurisdictions.map(f.country).join(', ') : t('unknown'),
        },
        {
          key: 'strategic',
          label: t('strategic'),
          value: (
            <>
              {a.strategic ? t('yes') : t('no')} — <EngineText>{a.strategicReason}</EngineText>
            </>
          ),
        },
        ...(a.process
          ? [
              {
                key: 'process',
                label: t('setBy'),
                value: <Link to={`/processes/${encodeURIComponent(a.process)}`}>{processName(a)}</Link>,
              },
            ]
          : []),
      ]}
    />
  );
}

/** The name of the process that sets the impact, from its source reference (the analysis names it there). */
function processName(a: AssetRisk): string {
  const ref = a.continuity.impactSources.find((s) => s.kind === 'register' && s.id === `process:${a.process}`);
  return ref?.title ?? a.process ?? '';
}

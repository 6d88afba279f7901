/**
 * The knowledge base: what Stapel knows about vendors, their ownership and countries, product
 * categories and their markets, alternatives, countries and access laws — each fact with its
 * source. The state lives in the query string (`?q=`, `?kind=`, `?show=<kind>:<id>`), so every
 * search and entry can be linked to and the back button works.
 */
import { useSearchParams } from 'react-router-dom';
import { isKbKind, useKindLabel, type KbKind, type OrgKbEntry } from '../components/kb-common';
import { KbEntry } from '../components/kb-entry';
import { OwnEntries } from '../components/kb-own-entries';
import { KbResults, KbSearchForm } from '../components/kb-search';
import { NotVerified } from '../components/kb-sources';
import { Heading, Paragraph } from '../components/ui';
import { useLang, useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { useApi } from '../use-api';

const messages: Messages<'title' | 'lead' | 'version' | 'sources' | 'unverifiedMeans'> = {
  nl: {
    title: 'Kennisbank',
    lead: 'Wat Stapel weet over leveranciers en hun eigenaren, productcategorieën en hun markten, alternatieven, landen en toegangswetten. Elk feit noemt zijn bron.',
    version: 'Versie {version}: {counts}.',
    sources: '{verified} van de {total} bronnen zijn gecontroleerd tegen een openbaar document.',
    unverifiedMeans:
      'Een feit dat niet tegen een openbaar document kon worden gecontroleerd, staat er toch, met een bron gemarkeerd als',
  },
  en: {
    title: 'Knowledge base',
    lead: 'What Stapel knows about vendors and their owners, product categories and their markets, alternatives, countries and access laws. Every fact names its source.',
    version: 'Version {version}: {counts}.',
    sources: '{verified} of the {total} sources have been checked against a public document.',
    unverifiedMeans: 'A fact that could not be checked against a public document is still listed, with a source marked',
  },
};

interface KbSummary {
  version: string;
  counts: Record<'countries' | 'laws' | 'vendors' | 'categories' | 'alternatives', number>;
  sources: { total: number; verified: number };
}

const COUNTED: [keyof KbSummary['counts'], KbKind][] = [
  ['vendors', 'vendor'],
  ['categories', 'category'],
  ['alternatives', 'alternative'],
  ['countries', 'country'],
  ['laws', 'law'],
];

export default function KnowledgePage() {
  const t = useT(messages);
  const { lang } = useLang();
  const kindLabel = useKindLabel();
  const { base } = useOrg();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const kindParam = params.get('kind');
  const kind = isKbKind(kindParam) ? kindParam : undefined;
  const [showKind, ...rest] = (params.get('show') ?? '').split(':');
  const showId = rest.join(':');
  const show = isKbKind(showKind) && showId ? { kind: showKind, id: showId } : undefined;
  const { data: summary } = useApi<KbSummary>('/api/kb');
  const { data: ownList } = useApi<{ items: OrgKbEntry[] }>(`${base}/kb/entries`);
  const own = ownList?.items ?? [];

  const update = (change: Record<string, string | undefined>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [k, v] of Object.entries(change))
        if (v) next.set(k, v);
        else next.delete(k);
      return next;
    });

  return (
    <>
      <Heading level={1}>{t('title')}</Heading>
      <Paragraph lead>{t('lead')}</Paragraph>
      {summary && (
        <Paragraph>
          {t('version', {
            version: summary.version,
            counts: COUNTED.map(
              ([key, k]) => `${summary.counts[key].toLocaleString(lang)} ${kindLabel(k, true).toLowerCase()}`,
            ).join(', '),
          })}{' '}
          {t('sources', { verified: summary.sources.verified, total: summary.sources.total })} {t('unverifiedMeans')}{' '}
          <NotVerified />.
        </Paragraph>
      )}
      <KbSearchForm
        key={`${q}\u0000${kind ?? ''}`}
        q={q}
        kind={kind}
        onSearch={(text, k) => update({ q: text || undefined, kind: k, show: undefined })}
      />
      {show && (
        <KbEntry
          key={`${show.kind}:${show.id}`}
          kind={show.kind}
          id={show.id}
          own={own.find((o) => o.kind === show.kind && o.id === show.id)}
          onClose={() => update({ show: undefined })}
        />
      )}
      {q && <KbResults q={q} kind={kind} own={own} />}
      {ownList && <OwnEntries entries={own} />}
    </>
  );
}

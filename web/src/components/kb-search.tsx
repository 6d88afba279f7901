/**
 * Searching the knowledge base as the organisation sees it: a form whose text and kind live in the
 * query string (so a search can be linked and the back button works), and the hits as a table
 * with the kind and the short description, each hit a link that opens the entry.
 */
import { useState, type FormEvent } from 'react';
import { useLocation } from 'react-router-dom';
import { useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { useApi } from '../use-api';
import {
  Alert,
  Button,
  FormField,
  Heading,
  Link,
  Loading,
  Paragraph,
  Select,
  Table,
  TableBody,
  TableHead,
  TextInput,
} from './ui';
import {
  Badge,
  English,
  KB_KINDS,
  showSearch,
  useCountryName,
  useEntryNames,
  useKindLabel,
  type KbHit,
  type KbKind,
  type OrgKbEntry,
} from './kb-common';

const messages: Messages<
  | 'search'
  | 'q'
  | 'qHelp'
  | 'kind'
  | 'all'
  | 'submit'
  | 'results'
  | 'count'
  | 'none'
  | 'loading'
  | 'name'
  | 'detail'
  | 'own'
  | 'limited'
> = {
  nl: {
    search: 'Zoeken in de kennisbank',
    q: 'Zoekterm',
    qHelp: 'Naam, alias, webdomein of id, bijvoorbeeld “microsoft”, “azure.com” of “cloud”.',
    kind: 'Soort vermelding',
    all: 'Alle soorten',
    submit: 'Zoeken',
    results: 'Zoekresultaten',
    count: '{n} resultaten voor “{q}”.',
    none: 'Niets gevonden voor “{q}”.',
    loading: 'Zoeken…',
    name: 'Naam',
    detail: 'Omschrijving',
    own: 'eigen aanvulling',
    limited: 'De eerste {n} resultaten; maak de zoekterm specifieker om de rest te vinden.',
  },
  en: {
    search: 'Search the knowledge base',
    q: 'Search term',
    qHelp: 'Name, alias, web domain or id, for example “microsoft”, “azure.com” or “cloud”.',
    kind: 'Kind of entry',
    all: 'All kinds',
    submit: 'Search',
    results: 'Search results',
    count: '{n} results for “{q}”.',
    none: 'Nothing found for “{q}”.',
    loading: 'Searching…',
    name: 'Name',
    detail: 'Description',
    own: 'own entry',
    limited: 'The first {n} results; make the search term more specific to find the rest.',
  },
};

const LIMIT = 100;

export function KbSearchForm({
  q,
  kind,
  onSearch,
}: {
  q: string;
  kind?: KbKind;
  onSearch: (q: string, kind?: KbKind) => void;
}) {
  const t = useT(messages);
  const kindLabel = useKindLabel();
  const [text, setText] = useState(q);
  const [k, setK] = useState<string>(kind ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(text.trim(), (KB_KINDS as readonly string[]).includes(k) ? (k as KbKind) : undefined);
  };
  return (
    <form role="search" aria-label={t('search')} onSubmit={submit} className="stapel-toolbar">
      <FormField id="kb-q" label={t('q')} description={t('qHelp')}>
        {(aria) => (
          <TextInput
            {...aria}
            type="search"
            name="q"
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={200}
          />
        )}
      </FormField>
      <FormField id="kb-kind" label={t('kind')}>
        {(aria) => (
          <Select
            {...aria}
            name="kind"
            value={k}
            onChange={(e) => setK(e.target.value)}
            options={[
              { value: '', label: t('all') },
              ...KB_KINDS.map((x) => ({ value: x, label: kindLabel(x, true) })),
            ]}
          />
        )}
      </FormField>
      <div>
        <Button type="submit" appearance="primary">
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}

export function KbResults({ q, kind, own }: { q: string; kind?: KbKind; own: OrgKbEntry[] }) {
  const t = useT(messages);
  const kindLabel = useKindLabel();
  const country = useCountryName();
  const { base } = useOrg();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const query = new URLSearchParams({ q, limit: String(LIMIT), ...(kind ? { kind } : {}) });
  const { data, error, loading } = useApi<{ items: KbHit[] }>(`${base}/kb/search?${query.toString()}`);
  const hits = data?.items ?? [];
  // Category names in the reader's language (the search answers with the English one).
  const categoryName = useEntryNames(
    base,
    'category',
    hits.filter((h) => h.kind === 'category').map((h) => h.id),
  );
  const isOwn = (h: KbHit) => own.some((o) => o.kind === h.kind && o.id === h.id);
  const name = (h: KbHit) =>
    h.kind === 'country' ? country(h.id) : h.kind === 'category' ? categoryName(h.id) : h.name;
  return (
    <section aria-labelledby="kb-results" style={{ marginBlockStart: '2.5rem' }}>
      <Heading level={2} id="kb-results">
        {t('results')}
      </Heading>
      {error && <Alert type="error">{error.message}</Alert>}
      <div aria-live="polite">
        {loading ? (
          <Loading label={t('loading')} />
        ) : (
          data && <Paragraph>{hits.length ? t('count', { n: hits.length, q }) : t('none', { q })}</Paragraph>
        )}
      </div>
      {hits.length === LIMIT && <Paragraph>{t('limited', { n: LIMIT })}</Paragraph>}
      {hits.length > 0 && (
        <Table>
          <TableHead cells={[t('name'), t('kind'), t('detail')]} />
          <TableBody
            rows={hits.map((h) => ({
              key: `${h.kind}:${h.id}`,
              cells: [
                <>
                  <Link to={showSearch(params, h.kind, h.id)}>{name(h)}</Link>
                  {isOwn(h) && (
                    <>
                      {' '}
                      <Badge>{t('own')}</Badge>
                    </>
                  )}
                </>,
                kindLabel(h.kind),
                <English>{h.detail}</English>,
              ],
            }))}
          />
        </Table>
      )}
    </section>
  );
}

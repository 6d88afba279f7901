/**
 * "Which assets contain component X?" across the portfolio's SBOMs: by package URL (with a
 * version: that version; without: any), by name, optionally within a semver range — with the
 * processes that need each asset, directly or through other assets. The question lives in the
 * query string (`?purl=&name=&range=`), so an answer can be linked to.
 */
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../api';
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
  Table,
  TableBody,
  TableHead,
  TextInput,
} from './ui';
import { useProcessNames } from './sbom-processes';

export interface ComponentHit {
  assetId: string;
  assetName: string;
  component: { id: string; name: string; version?: string; purl?: string };
  processes: string[];
}

const FIELDS = ['purl', 'name', 'range'] as const;
type Field = (typeof FIELDS)[number];

const messages: Messages<
  | 'title'
  | 'intro'
  | 'purl'
  | 'purlHelp'
  | 'name'
  | 'nameHelp'
  | 'range'
  | 'rangeHelp'
  | 'submit'
  | 'example'
  | 'loading'
  | 'caption'
  | 'none'
  | 'noneRange'
  | 'asset'
  | 'component'
  | 'version'
  | 'purlCol'
  | 'processes'
  | 'noProcess'
> = {
  nl: {
    title: 'Welke assets bevatten een component?',
    intro:
      'Zoek in de SBOM’s van alle assets op package-URL of naam, eventueel binnen een versiebereik. Bij elke treffer staan de processen die het asset nodig hebben, direct of via andere assets.',
    purl: 'Package-URL (purl)',
    purlHelp: 'Met versie (…@2.14.1) vindt u alleen die versie, zonder versie elke versie.',
    name: 'Naam van de component',
    nameHelp: 'De naam zoals de SBOM die noemt, bijvoorbeeld log4j-core.',
    range: 'Versiebereik (semver, optioneel)',
    rangeHelp: 'Bijvoorbeeld >=2.0.0-beta9 <2.15.0.',
    submit: 'Zoeken',
    example: 'Voorbeeld: welke assets bevatten een log4j-core die kwetsbaar is voor Log4Shell?',
    loading: 'Zoeken…',
    caption: '{n} treffers in {assets} assets',
    none: 'Geen enkel asset bevat deze component.',
    noneRange: 'Geen enkel asset bevat deze component binnen dit versiebereik. Klopt het bereik (semver-notatie)?',
    asset: 'Asset',
    component: 'Component',
    version: 'Versie',
    purlCol: 'Package-URL',
    processes: 'Processen die het nodig hebben',
    noProcess: 'geen',
  },
  en: {
    title: 'Which assets contain a component?',
    intro:
      'Search the SBOMs of all assets by package URL or name, optionally within a version range. Each hit names the processes that need the asset, directly or through other assets.',
    purl: 'Package URL (purl)',
    purlHelp: 'With a version (…@2.14.1) you find that version only; without one, any version.',
    name: 'Component name',
    nameHelp: 'The name as the SBOM gives it, for example log4j-core.',
    range: 'Version range (semver, optional)',
    rangeHelp: 'For example >=2.0.0-beta9 <2.15.0.',
    submit: 'Search',
    example: 'Example: which assets contain a log4j-core vulnerable to Log4Shell?',
    loading: 'Searching…',
    caption: '{n} hits in {assets} assets',
    none: 'No asset contains this component.',
    noneRange: 'No asset contains this component within this version range. Is the range right (semver notation)?',
    asset: 'Asset',
    component: 'Component',
    version: 'Version',
    purlCol: 'Package URL',
    processes: 'Processes that need it',
    noProcess: 'none',
  },
};

const EXAMPLE = new URLSearchParams({
  purl: 'pkg:maven/org.apache.logging.log4j/log4j-core',
  range: '>=2.0.0-beta9 <2.15.0',
});

export function ComponentSearch() {
  const t = useT(messages);
  const { base } = useOrg();
  const [params, setParams] = useSearchParams();
  const asked = Object.fromEntries(FIELDS.map((f) => [f, params.get(f)?.trim() ?? ''])) as Record<Field, string>;
  const query = new URLSearchParams(Object.entries(asked).filter(([, v]) => v));
  const searching = !!(asked.purl || asked.name);
  const { data, error, loading } = useApi<ComponentHit[]>(
    searching ? `${base}/components/search?${query.toString()}` : undefined,
  );
  const processName = useProcessNames(base);
  const fieldError = (f: Field) => (error instanceof ApiError ? error.at(f) : undefined);
  const otherError =
    error && !(error instanceof ApiError && FIELDS.some((f) => error.at(f))) ? error.message : undefined;
  const hits = data ?? [];
  const assets = new Set(hits.map((h) => h.assetId)).size;

  return (
    <section aria-labelledby="sbom-search" style={{ marginBlockStart: '2.5rem' }}>
      <Heading level={2} id="sbom-search">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <SearchForm
        key={query.toString()}
        initial={asked}
        errors={{ purl: fieldError('purl'), name: fieldError('name'), range: fieldError('range') }}
        onSearch={(values) =>
          setParams((current) => {
            const next = new URLSearchParams(current);
            for (const f of FIELDS)
              if (values[f].trim()) next.set(f, values[f].trim());
              else next.delete(f);
            return next;
          })
        }
      />
      <Paragraph>
        <Link to={`?${EXAMPLE.toString()}`}>{t('example')}</Link>
      </Paragraph>
      {otherError && <Alert type="error">{otherError}</Alert>}
      <div aria-live="polite">
        {loading ? (
          <Loading label={t('loading')} />
        ) : (
          data && hits.length === 0 && <Paragraph>{t(asked.range ? 'noneRange' : 'none')}</Paragraph>
        )}
      </div>
      {hits.length > 0 && (
        <Table caption={t('caption', { n: hits.length, assets })}>
          <TableHead cells={[t('asset'), t('component'), t('version'), t('purlCol'), t('processes')]} />
          <TableBody
            rows={hits.map((h) => ({
              key: `${h.assetId}:${h.component.id}`,
              cells: [
                <Link to={`/assets/${encodeURIComponent(h.assetId)}`}>{h.assetName}</Link>,
                h.component.name,
                h.component.version ?? '—',
                h.component.purl ? <code style={{ overflowWrap: 'anywhere' }}>{h.component.purl}</code> : '—',
                h.processes.length ? (
                  <ul className="utrecht-unordered-list" style={{ margin: 0 }}>
                    {h.processes.map((p) => (
                      <li key={p} className="utrecht-unordered-list__item">
                        <Link to={`/processes/${encodeURIComponent(p)}`}>{processName(p)}</Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  t('noProcess')
                ),
              ],
            }))}
          />
        </Table>
      )}
    </section>
  );
}

function SearchForm({
  initial,
  errors,
  onSearch,
}: {
  initial: Record<Field, string>;
  errors: Partial<Record<Field, string>>;
  onSearch: (values: Record<Field, string>) => void;
}) {
  const t = useT(messages);
  const [values, setValues] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(values);
  };
  const field = (f: Field, label: 'purl' | 'name' | 'range', help: 'purlHelp' | 'nameHelp' | 'rangeHelp') => (
    <FormField id={`component-${f}`} label={t(label)} description={t(help)} error={errors[f]}>
      {(aria) => (
        <TextInput
          {...aria}
          name={f}
          value={values[f]}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
        />
      )}
    </FormField>
  );
  return (
    <form role="search" aria-label={t('title')} onSubmit={submit}>
      {field('purl', 'purl', 'purlHelp')}
      {field('name', 'name', 'nameHelp')}
      {field('range', 'range', 'rangeHelp')}
      <Button type="submit" appearance="primary">
        {t('submit')}
      </Button>
    </form>
  );
}

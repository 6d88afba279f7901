/**
 * One knowledge-base entry as the organisation sees it (`{base}/kb/{kind}/{id}`: its own entries
 * merged over the shipped ones), with the view for its kind. An organisation's own entry says so,
 * with its justification and whether it replaces a shipped entry. When the entry changes, focus
 * moves to its heading, as it would on a new page.
 */
import { useEffect, useRef } from 'react';
import { ApiError } from '../api';
import { useLabel, useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { useApi } from '../use-api';
import { Alert, Loading } from './ui';
import { Badge, useCountryName, useKindLabel, type KbKind, type Label, type OrgKbEntry } from './kb-common';
import { CategoryView, type CategoryEntry } from './kb-category';
import {
  AlternativeView,
  CountryView,
  LawView,
  type AlternativeEntry,
  type CountryEntry,
  type LawEntry,
} from './kb-other';
import { VendorView, type VendorEntry } from './kb-vendor';

const messages: Messages<'loading' | 'notFound' | 'own' | 'ownReplaces' | 'ownAdded' | 'why' | 'close'> = {
  nl: {
    loading: 'Vermelding laden…',
    notFound: 'De kennisbank heeft geen {kind} met id “{id}”.',
    own: 'eigen aanvulling',
    ownReplaces:
      'Dit is een eigen aanvulling van {org}: die vervangt voor deze organisatie de meegeleverde vermelding.',
    ownAdded: 'Dit is een eigen aanvulling van {org}: de meegeleverde kennisbank heeft deze vermelding niet.',
    why: 'Onderbouwing',
    close: 'Sluit deze vermelding',
  },
  en: {
    loading: 'Loading the entry…',
    notFound: 'The knowledge base has no {kind} with id “{id}”.',
    own: 'own entry',
    ownReplaces: 'This is an own entry of {org}: for this organisation it replaces the shipped entry.',
    ownAdded: 'This is an own entry of {org}: the shipped knowledge base does not have this entry.',
    why: 'Justification',
    close: 'Close this entry',
  },
};

type AnyEntry = { id?: string; code?: string; name: string | Label };

export function KbEntry({
  kind,
  id,
  own,
  onClose,
}: {
  kind: KbKind;
  id: string;
  /** The organisation's own entry with this kind and id, if it has one. */
  own?: OrgKbEntry;
  onClose: () => void;
}) {
  const t = useT(messages);
  const label = useLabel();
  const kindLabel = useKindLabel();
  const country = useCountryName();
  const { base, org } = useOrg();
  const path = `${kind}/${encodeURIComponent(id)}`;
  const { data, error, loading } = useApi<AnyEntry>(`${base}/kb/${path}`);
  // Whether a shipped entry exists, only asked about for an organisation's own entry.
  const shipped = useApi<unknown>(own ? `/api/kb/${path}` : undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (data) heading.current?.focus();
  }, [data, path]);

  if (loading && !data) return <Loading label={t('loading')} />;
  if (error)
    return (
      <Alert type={error instanceof ApiError && error.status === 404 ? 'warning' : 'error'}>
        {error instanceof ApiError && error.status === 404
          ? t('notFound', { kind: kindLabel(kind).toLowerCase(), id })
          : error.message}
      </Alert>
    );
  if (!data) return null;
  const name =
    kind === 'country' && data.code ? country(data.code) : typeof data.name === 'string' ? data.name : label(data.name);
  return (
    <section aria-labelledby="kb-entry-heading" style={{ marginBlockStart: '2.5rem' }} className="stapel-kb-entry">
      <h2 className="utrecht-heading-2" id="kb-entry-heading" tabIndex={-1} ref={heading} style={{ outline: 'none' }}>
        {name}
      </h2>
      <p className="utrecht-paragraph">
        <Badge>{kindLabel(kind)}</Badge> {own && <Badge>{t('own')}</Badge>}{' '}
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={onClose}>
          {t('close')}
        </button>
      </p>
      {own && (
        <Alert type="info">
          <p className="utrecht-paragraph">{t(shipped.data ? 'ownReplaces' : 'ownAdded', { org: org?.name ?? '' })}</p>
          <p className="utrecht-paragraph">
            <strong>{t('why')}:</strong> {own.justification}
          </p>
        </Alert>
      )}
      {kind === 'vendor' && <VendorView entry={data as unknown as VendorEntry} />}
      {kind === 'category' && <CategoryView entry={data as unknown as CategoryEntry} />}
      {kind === 'alternative' && <AlternativeView entry={data as unknown as AlternativeEntry} />}
      {kind === 'country' && <CountryView entry={data as unknown as CountryEntry} />}
      {kind === 'law' && <LawView entry={data as unknown as LawEntry} />}
    </section>
  );
}

/**
 * The sources behind a knowledge-base fact: title (a link when there is an address), publisher and
 * dates when known, and — METHOD.md's rule made visible — a mark on every source that could not be
 * checked against a public document, or that is an organisation's own entry.
 */
import { useLang, useT, type Messages } from '../i18n';
import { Heading, Paragraph } from './ui';
import { English, type KbSource } from './kb-common';

const messages: Messages<
  'sources' | 'none' | 'notVerified' | 'own' | 'publisher' | 'published' | 'checked' | 'verifiedCount'
> = {
  nl: {
    sources: 'Bronnen',
    none: 'Geen bronnen vermeld.',
    notVerified: 'niet geverifieerd',
    own: 'eigen aanvulling van de organisatie',
    publisher: 'Uitgever',
    published: 'gepubliceerd',
    checked: 'gecontroleerd',
    verifiedCount: '{verified} van {total} geverifieerd tegen een openbaar document.',
  },
  en: {
    sources: 'Sources',
    none: 'No sources given.',
    notVerified: 'not verified',
    own: 'the organisation’s own entry',
    publisher: 'Publisher',
    published: 'published',
    checked: 'checked',
    verifiedCount: '{verified} of {total} verified against a public document.',
  },
};

/** An ISO date (yyyy-mm-dd) in the reader's language, without a time-zone shift. */
export function useDate() {
  const { lang } = useLang();
  return (iso: string) => {
    const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
    return Number.isNaN(d.getTime())
      ? iso
      : new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  };
}

export function NotVerified({ label }: { label?: string }) {
  const t = useT(messages);
  // A shape and a word, never colour alone.
  return (
    <span className="utrecht-status-badge utrecht-status-badge--warning">
      <span aria-hidden="true">⚠ </span>
      {label ?? t('notVerified')}
    </span>
  );
}

export function SourceList({
  sources,
  id,
  level = 3,
  title,
}: {
  sources: KbSource[];
  /** Prefix for the heading id, unique on the page. */
  id: string;
  level?: 2 | 3 | 4;
  title?: string;
}) {
  const t = useT(messages);
  const date = useDate();
  const headingId = `${id}-sources`;
  const verified = sources.filter((s) => s.verified).length;
  return (
    <section aria-labelledby={headingId} style={{ marginBlockStart: '1.5rem' }}>
      <Heading level={level} id={headingId}>
        {title ?? t('sources')}
      </Heading>
      {sources.length === 0 ? (
        <Paragraph>{t('none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('verifiedCount', { verified, total: sources.length })}</Paragraph>
          <ul className="utrecht-unordered-list" aria-labelledby={headingId} data-testid={`${id}-source-list`}>
            {sources.map((s) => (
              <li key={s.id} className="utrecht-unordered-list__item">
                {s.url ? (
                  <a className="utrecht-link utrecht-link--html-a" href={s.url} rel="noreferrer">
                    {s.title}
                  </a>
                ) : (
                  <span>{s.title}</span>
                )}
                {s.publisher && (
                  <>
                    {' — '}
                    {t('publisher')}: {s.publisher}
                  </>
                )}
                {s.published && (
                  <>
                    {', '}
                    {t('published')} {date(s.published)}
                  </>
                )}
                {s.checked && (
                  <>
                    {', '}
                    {t('checked')} {date(s.checked)}
                  </>
                )}
                {!s.verified && (
                  <>
                    {' '}
                    <NotVerified
                      label={s.id.startsWith('org.') ? `${t('notVerified')}: ${t('own')}` : t('notVerified')}
                    />
                  </>
                )}
                {s.note && (
                  <>
                    {' '}
                    (<English>{s.note}</English>)
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

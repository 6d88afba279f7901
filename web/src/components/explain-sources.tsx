/**
 * The sources behind a fact: a link where the source has a public address, a link into the
 * application for register records (assets and processes), and "unverified" said in words.
 */
import { useT, type Messages } from '../i18n';
import { EngineText } from './explain-format';
import type { SourceRef } from './explain-types';
import { Link } from './ui';

const messages: Messages<'unverified' | 'none'> = {
  nl: { unverified: 'niet geverifieerd', none: 'geen bron' },
  en: { unverified: 'unverified', none: 'no source' },
};

/** The in-app page of a register source ("asset:x", "process:y"), if it has one. */
function registerPath(s: SourceRef): string | undefined {
  if (s.kind !== 'register') return undefined;
  const [kind, id] = s.id.split(':');
  if (!id) return undefined;
  if (kind === 'asset') return `/assets/${encodeURIComponent(id)}`;
  if (kind === 'process') return `/processes/${encodeURIComponent(id)}`;
  return undefined;
}

export function Sources({ sources }: { sources: SourceRef[] }) {
  const t = useT(messages);
  if (!sources.length) return <>{t('none')}</>;
  return (
    <ul className="utrecht-unordered-list stapel-sources">
      {sources.map((s) => {
        const inApp = registerPath(s);
        const title = s.kind === 'register' ? s.title : <EngineText>{s.title}</EngineText>;
        return (
          <li key={`${s.kind}:${s.id}`}>
            {s.url ? (
              <a className="utrecht-link utrecht-link--html-a" href={s.url} rel="noreferrer">
                {title}
              </a>
            ) : inApp ? (
              <Link to={inApp}>{title}</Link>
            ) : (
              title
            )}
            {!s.verified && <> ({t('unverified')})</>}
          </li>
        );
      })}
    </ul>
  );
}

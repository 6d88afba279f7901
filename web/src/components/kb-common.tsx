/**
 * What the knowledge-base views share: the shapes the API returns, the names of the entry kinds,
 * country names in the reader's language, and a wrapper for the knowledge base's English text.
 */
import { useCallback, useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { api } from '../api';
import { useLang, useT, type Messages } from '../i18n';
import { useApi } from '../use-api';
import { DataList } from './ui';

export const KB_KINDS = ['vendor', 'category', 'alternative', 'country', 'law'] as const;
export type KbKind = (typeof KB_KINDS)[number];
export const isKbKind = (k: string | null | undefined): k is KbKind =>
  (KB_KINDS as readonly string[]).includes(k ?? '');

export interface KbHit {
  kind: KbKind;
  id: string;
  name: string;
  detail: string;
  rank: number;
}

/** A source as the API resolves it; publisher and dates appear when the API sends them. */
export interface KbSource {
  kind?: string;
  id: string;
  title: string;
  url?: string;
  publisher?: string;
  published?: string;
  checked?: string;
  note?: string;
  verified: boolean;
}

export interface Label {
  nl: string;
  en: string;
}

/** An organisation's own entry, as `{base}/kb/entries` lists it. */
export interface OrgKbEntry {
  kind: 'vendor' | 'category' | 'alternative';
  id: string;
  data: { name?: string | Label };
  justification: string;
  revision: number;
  updatedAt: string;
}

export interface Vocabularies {
  layers: (Label & { code: string; number: number })[];
  priorities: (Label & { code: string })[];
}

const kindMessages: Messages<KbKind | `${KbKind}Plural`> = {
  nl: {
    vendor: 'Leverancier',
    category: 'Productcategorie',
    alternative: 'Alternatief',
    country: 'Land',
    law: 'Wet',
    vendorPlural: 'Leveranciers',
    categoryPlural: 'Productcategorieën',
    alternativePlural: 'Alternatieven',
    countryPlural: 'Landen',
    lawPlural: 'Wetten',
  },
  en: {
    vendor: 'Vendor',
    category: 'Product category',
    alternative: 'Alternative',
    country: 'Country',
    law: 'Law',
    vendorPlural: 'Vendors',
    categoryPlural: 'Product categories',
    alternativePlural: 'Alternatives',
    countryPlural: 'Countries',
    lawPlural: 'Laws',
  },
};

/** The name of an entry kind, singular or (with `plural`) plural. */
export function useKindLabel() {
  const t = useT(kindMessages);
  return useCallback((k: KbKind, plural = false) => t(plural ? `${k}Plural` : k), [t]);
}

/** A country's name in the reader's language, from the browser's own ISO 3166 names. */
export function useCountryName() {
  const { lang } = useLang();
  const names = useMemo(() => new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }), [lang]);
  return useCallback(
    (code: string) => {
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    },
    [names],
  );
}

/** The layer and priority names of the DOSA vocabulary, in the reader's language. */
export function useVocabulary() {
  const { data } = useApi<Vocabularies>('/api/vocabularies');
  const { lang } = useLang();
  const layer = useCallback((code: string) => data?.layers.find((l) => l.code === code)?.[lang] ?? code, [data, lang]);
  const priority = useCallback(
    (code: string) => data?.priorities.find((p) => p.code === code)?.[lang] ?? code,
    [data, lang],
  );
  return { layer, priority };
}

/**
 * Text from the knowledge base, which is written in English: marked as such when the page is
 * Dutch, so screen readers pronounce it right (WCAG 3.1.2).
 */
export function English({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  return lang === 'en' ? <>{children}</> : <span lang="en">{children}</span>;
}

/** The query string for showing one entry, keeping the rest of the current query. */
export function showSearch(current: URLSearchParams, kind: KbKind, id: string): string {
  const next = new URLSearchParams(current);
  next.set('show', `${kind}:${id}`);
  return `?${next.toString()}`;
}

/** A comma-separated list of inline items, or a dash when there are none. */
export function InlineList({ items, empty = '—' }: { items: ReactNode[]; empty?: string }) {
  if (!items.length) return <>{empty}</>;
  return (
    <>
      {items.map((item, i) => (
        <span key={i}>
          {i > 0 && ', '}
          {item}
        </span>
      ))}
    </>
  );
}

/** A short label next to a name (the NL Design System data badge). */
export function Badge({ children }: { children: ReactNode }) {
  return <span className="utrecht-data-badge">{children}</span>;
}

// Entry names for links (a vendor's categories, a share's vendor), fetched once per page load.
const nameCache = new Map<string, Promise<string | Label | undefined>>();

function entryName(path: string): Promise<string | Label | undefined> {
  let found = nameCache.get(path);
  if (!found) {
    found = api<{ name?: string | Label }>(path).then(
      (e) => e.name,
      () => undefined,
    );
    nameCache.set(path, found);
  }
  return found;
}

/**
 * The names of some entries of one kind, as the organisation sees them; an id stands for its
 * name until it has arrived (or when the entry is missing).
 */
export function useEntryNames(base: string, kind: KbKind, ids: readonly string[]): (id: string) => string {
  const { lang } = useLang();
  const [names, setNames] = useState<Record<string, string | Label | undefined>>({});
  const key = ids.join('\u0000');
  useEffect(() => {
    if (!base || !key) return;
    let live = true;
    const list = key.split('\u0000');
    void Promise.all(
      list.map((id) => entryName(`${base}/kb/${kind}/${encodeURIComponent(id)}`).then((n) => [id, n] as const)),
    ).then((pairs) => live && setNames(Object.fromEntries(pairs)));
    return () => {
      live = false;
    };
  }, [base, kind, key]);
  return useCallback(
    (id: string) => {
      const n = names[id];
      return n === undefined ? id : typeof n === 'string' ? n : n[lang];
    },
    [names, lang],
  );
}

// The example theme leaves the data list's tokens unset, so keys and values would look alike:
// set them here, on a wrapper, without touching the shared component.
const FACT_TOKENS = {
  '--utrecht-data-list-item-key-font-weight': '700',
  '--utrecht-data-list-rows-item-padding-block-start': '0.375rem',
  '--utrecht-data-list-rows-item-padding-block-end': '0.375rem',
  '--utrecht-data-list-rows-border-bottom-color': '#d0d0d0',
  '--utrecht-data-list-rows-border-bottom-width': '1px',
} as CSSProperties;

/** Key–value facts of an entry: the NL Design System data list, with keys set off from values. */
export function FactList({ items }: { items: Parameters<typeof DataList>[0]['items'] }) {
  return (
    <div style={FACT_TOKENS}>
      <DataList items={items} />
    </div>
  );
}

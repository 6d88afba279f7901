/**
 * Choosers for a cut's subject that need more than a list of records: a knowledge-base vendor
 * (found by typing, searched in the organisation's view of the knowledge base) and a country
 * (every ISO 3166 region the browser can name, the register's own countries first).
 */
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api';
import { useLang, useT, type Messages } from '../i18n';
import { FormField, TextInput } from './ui';

interface Hit {
  kind: string;
  id: string;
  name: string;
  detail: string;
}

const messages: Messages<
  | 'vendorSearch'
  | 'vendorHelp'
  | 'vendor'
  | 'typeFirst'
  | 'noHits'
  | 'searching'
  | 'country'
  | 'inRegister'
  | 'all'
  | 'choose'
> = {
  nl: {
    vendorSearch: 'Zoek een leverancier in de kennisbank',
    vendorHelp: 'Typ een deel van de naam, bijvoorbeeld “Microsoft”.',
    vendor: 'Leverancier',
    typeFirst: 'Typ eerst in het zoekveld',
    noHits: 'Niets gevonden',
    searching: 'Bezig met zoeken…',
    country: 'Land',
    inRegister: 'Landen in het register',
    all: 'Alle landen',
    choose: 'Kies…',
  },
  en: {
    vendorSearch: 'Find a vendor in the knowledge base',
    vendorHelp: 'Type part of the name, for example “Microsoft”.',
    vendor: 'Vendor',
    typeFirst: 'Type in the search field first',
    noHits: 'Nothing found',
    searching: 'Searching…',
    country: 'Country',
    inRegister: 'Countries in the register',
    all: 'All countries',
    choose: 'Choose…',
  },
};

export function VendorPicker({
  id,
  base,
  value,
  onChange,
  error,
}: {
  id: string;
  base: string;
  value: string;
  onChange: (vendorId: string) => void;
  error?: string | undefined;
}) {
  const t = useT(messages);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits(undefined);
      return;
    }
    let live = true;
    setBusy(true);
    // Wait for a pause in typing, so a word is one request rather than one per letter.
    const timer = setTimeout(() => {
      api<{ items: Hit[] }>(`${base}/kb/search?kind=vendor&limit=50&q=${encodeURIComponent(q)}`)
        .then(({ items }) => {
          if (!live) return;
          setHits(items);
          if (items[0] && !items.some((h) => h.id === value)) onChange(items[0].id);
        })
        .catch(() => live && setHits([]))
        .finally(() => live && setBusy(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // onChange and value are read when the answer comes; a new query is what starts a search.
  }, [query, base]);

  const options = hits ?? [];
  const placeholder = busy ? t('searching') : hits === undefined ? t('typeFirst') : t('noHits');
  return (
    <>
      <FormField id={`${id}-search`} label={t('vendorSearch')} description={t('vendorHelp')}>
        {(aria) => (
          <TextInput
            {...aria}
            type="search"
            value={query}
            autoComplete="off"
            onChange={(e) => setQuery(e.target.value)}
          />
        )}
      </FormField>
      <FormField id={id} label={t('vendor')} {...(error ? { error } : {})}>
        {({ invalid, ...aria }) => (
          <select
            {...aria}
            className={`utrecht-select utrecht-select--html-select${invalid ? ' utrecht-select--invalid' : ''}`}
            value={options.some((h) => h.id === value) ? value : ''}
            onChange={(e) => onChange(e.target.value)}
          >
            {!options.length && <option value="">{placeholder}</option>}
            {options.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name} — {h.detail}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}

/** Every two-letter region code the browser can name, in the current language. */
function useCountries(): { code: string; name: string }[] {
  const { lang } = useLang();
  return useMemo(() => {
    const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    const out: { code: string; name: string }[] = [];
    const A = 'A'.charCodeAt(0);
    // Groupings and private-use codes are not countries.
    const skip = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB']);
    for (let i = 0; i < 26; i++)
      for (let j = 0; j < 26; j++) {
        const code = String.fromCharCode(A + i, A + j);
        const name = skip.has(code) ? undefined : names.of(code);
        if (name && name !== code) out.push({ code, name });
      }
    return out.sort((a, b) => a.name.localeCompare(b.name, lang));
  }, [lang]);
}

export function CountrySelect({
  id,
  value,
  onChange,
  inRegister,
  error,
}: {
  id: string;
  value: string;
  onChange: (code: string) => void;
  /** Country codes the register holds (parties' seats), offered first. */
  inRegister: readonly string[];
  error?: string | undefined;
}) {
  const t = useT(messages);
  const countries = useCountries();
  const byCode = useMemo(() => new Map(countries.map((c) => [c.code, c.name])), [countries]);
  const first = inRegister
    .filter((c) => byCode.has(c))
    .map((code) => ({ code, name: byCode.get(code)! }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <FormField id={id} label={t('country')} {...(error ? { error } : {})}>
      {({ invalid, ...aria }) => (
        <select
          {...aria}
          className={`utrecht-select utrecht-select--html-select${invalid ? ' utrecht-select--invalid' : ''}`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{t('choose')}</option>
          <optgroup label={t('inRegister')}>
            {first.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </optgroup>
          <optgroup label={t('all')}>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </optgroup>
        </select>
      )}
    </FormField>
  );
}

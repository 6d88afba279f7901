/**
 * A vendor from the knowledge base: its ownership chain up to the ultimate parent (with the
 * country of each link, which decides the jurisdiction the analysis sees), the names it goes by,
 * the purl namespaces that tie SBOM components to it, its categories and its sources.
 */
import { useLocation } from 'react-router-dom';
import { useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { Heading, Link, Paragraph } from './ui';
import {
  English,
  InlineList,
  showSearch,
  useCountryName,
  useEntryNames,
  useVocabulary,
  type KbSource,
  FactList,
} from './kb-common';
import { SourceList } from './kb-sources';

export interface VendorEntry {
  id: string;
  name: string;
  kind: 'company' | 'foundation' | 'community' | 'government' | 'cooperative';
  country: string;
  parent?: string;
  aliases: string[];
  domains: string[];
  purlNamespaces: string[];
  layers: string[];
  categories: string[];
  publiclyListed?: boolean;
  note?: string;
  sources: KbSource[];
  ownershipChain: { id: string; name: string; country: string }[];
  ultimateParent: string;
}

const messages: Messages<
  | 'chain'
  | 'chainIntro'
  | 'ownParent'
  | 'ultimate'
  | 'facts'
  | 'kind'
  | 'company'
  | 'foundation'
  | 'community'
  | 'government'
  | 'cooperative'
  | 'country'
  | 'listed'
  | 'yes'
  | 'no'
  | 'unknown'
  | 'layers'
  | 'categories'
  | 'aliases'
  | 'domains'
  | 'purls'
> = {
  nl: {
    chain: 'Eigendomsketen',
    chainIntro: 'Van deze leverancier via elk moederbedrijf tot de uiteindelijke moeder, met het land van elk.',
    ownParent: '{name} heeft in de kennisbank geen moederbedrijf: het is zelf de uiteindelijke moeder.',
    ultimate: 'uiteindelijke moeder',
    facts: 'Gegevens',
    kind: 'Soort organisatie',
    company: 'bedrijf',
    foundation: 'stichting',
    community: 'gemeenschap',
    government: 'overheid',
    cooperative: 'coöperatie',
    country: 'Land van het hoofdkantoor',
    listed: 'Beursgenoteerd',
    yes: 'ja',
    no: 'nee',
    unknown: 'onbekend',
    layers: 'Lagen van de digitale stapel',
    categories: 'Productcategorieën',
    aliases: 'Ook bekend als',
    domains: 'Webdomeinen',
    purls: 'Package-URL-namespaces (koppelen SBOM-componenten aan deze leverancier)',
  },
  en: {
    chain: 'Ownership chain',
    chainIntro: 'From this vendor through each parent to the ultimate parent, with the country of each.',
    ownParent: '{name} has no parent in the knowledge base: it is its own ultimate parent.',
    ultimate: 'ultimate parent',
    facts: 'Facts',
    kind: 'Kind of organisation',
    company: 'company',
    foundation: 'foundation',
    community: 'community',
    government: 'government',
    cooperative: 'cooperative',
    country: 'Headquarters country',
    listed: 'Publicly listed',
    yes: 'yes',
    no: 'no',
    unknown: 'unknown',
    layers: 'Layers of the digital stack',
    categories: 'Product categories',
    aliases: 'Also known as',
    domains: 'Web domains',
    purls: 'Package URL namespaces (tie SBOM components to this vendor)',
  },
};

export function CountryLink({ code }: { code: string }) {
  const { search } = useLocation();
  const country = useCountryName();
  return <Link to={showSearch(new URLSearchParams(search), 'country', code)}>{`${country(code)} (${code})`}</Link>;
}

export function VendorView({ entry }: { entry: VendorEntry }) {
  const t = useT(messages);
  const { base } = useOrg();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  const vocab = useVocabulary();
  const categoryName = useEntryNames(base, 'category', entry.categories);
  const chain = entry.ownershipChain;
  return (
    <>
      {entry.note && (
        <Paragraph>
          <English>{entry.note}</English>
        </Paragraph>
      )}
      <section aria-labelledby="kb-chain" style={{ marginBlockStart: '1.5rem' }}>
        <Heading level={3} id="kb-chain">
          {t('chain')}
        </Heading>
        <Paragraph>{chain.length <= 1 ? t('ownParent', { name: entry.name }) : t('chainIntro')}</Paragraph>
        <ol className="utrecht-ordered-list" aria-labelledby="kb-chain" data-testid="ownership-chain">
          {chain.map((link, i) => (
            <li key={link.id} className="utrecht-ordered-list__item">
              {i === 0 ? (
                <strong>{link.name}</strong>
              ) : (
                <Link to={showSearch(params, 'vendor', link.id)}>{link.name}</Link>
              )}
              {' — '}
              <CountryLink code={link.country} />
              {i === chain.length - 1 && <> ({t('ultimate')})</>}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="kb-facts" style={{ marginBlockStart: '1.5rem' }}>
        <Heading level={3} id="kb-facts">
          {t('facts')}
        </Heading>
        <FactList
          items={[
            { key: 'kind', label: t('kind'), value: t(entry.kind) },
            { key: 'country', label: t('country'), value: <CountryLink code={entry.country} /> },
            {
              key: 'listed',
              label: t('listed'),
              value: entry.publiclyListed === undefined ? t('unknown') : t(entry.publiclyListed ? 'yes' : 'no'),
            },
            {
              key: 'layers',
              label: t('layers'),
              value: <InlineList items={entry.layers.map((l) => vocab.layer(l))} />,
            },
            {
              key: 'categories',
              label: t('categories'),
              value: (
                <InlineList
                  items={entry.categories.map((c) => (
                    <Link key={c} to={showSearch(params, 'category', c)}>
                      {categoryName(c)}
                    </Link>
                  ))}
                />
              ),
            },
            { key: 'aliases', label: t('aliases'), value: <InlineList items={entry.aliases} /> },
            { key: 'domains', label: t('domains'), value: <InlineList items={entry.domains} /> },
            {
              key: 'purls',
              label: t('purls'),
              value: (
                <InlineList
                  items={entry.purlNamespaces.map((p) => (
                    <code key={p}>{p}</code>
                  ))}
                />
              ),
            },
          ]}
        />
      </section>
      <SourceList sources={entry.sources} id="kb-vendor" />
    </>
  );
}

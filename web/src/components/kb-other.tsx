/**
 * The smaller knowledge-base entries: an alternative (what it replaces, who makes it, under which
 * licence), a country (the memberships and laws that decide its standing in the analysis) and an
 * access law (its reach), each with its sources.
 */
import { useLocation } from 'react-router-dom';
import { useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { Heading, Link } from './ui';
import { English, InlineList, showSearch, useEntryNames, type KbSource, FactList } from './kb-common';
import { SourceList } from './kb-sources';
import { CountryLink } from './kb-vendor';

export interface AlternativeEntry {
  id: string;
  name: string;
  category: string;
  vendor?: string;
  country: string;
  licence: string;
  openSource: boolean;
  selfHostable: boolean;
  maturity: 'emerging' | 'established' | 'mature';
  replaces: string[];
  sources: KbSource[];
}

export interface CountryEntry {
  code: string;
  name: string;
  eu: boolean;
  eea: boolean;
  nato: boolean;
  adequacy?: string;
  offensiveCyber: boolean;
  laws: string[];
  sources: KbSource[];
  standingSources: KbSource[];
}

export interface LawEntry {
  id: string;
  name: string;
  country: string;
  citation: string;
  year: number;
  scope: string;
  extraterritorial: boolean;
  compelsAccess: boolean;
  sources: KbSource[];
}

const messages: Messages<
  | 'facts'
  | 'yes'
  | 'no'
  | 'replaces'
  | 'category'
  | 'maker'
  | 'country'
  | 'licence'
  | 'openSource'
  | 'selfHostable'
  | 'maturity'
  | 'emerging'
  | 'established'
  | 'mature'
  | 'code'
  | 'eu'
  | 'eea'
  | 'nato'
  | 'adequacy'
  | 'noAdequacy'
  | 'offensive'
  | 'laws'
  | 'standing'
  | 'allSources'
  | 'citation'
  | 'year'
  | 'scope'
  | 'extraterritorial'
  | 'compels'
> = {
  nl: {
    facts: 'Gegevens',
    yes: 'ja',
    no: 'nee',
    replaces: 'Vervangt',
    category: 'Productcategorie',
    maker: 'Maker',
    country: 'Land',
    licence: 'Licentie',
    openSource: 'Open source',
    selfHostable: 'Zelf te hosten',
    maturity: 'Volwassenheid',
    emerging: 'opkomend',
    established: 'gevestigd',
    mature: 'volwassen',
    code: 'Landcode (ISO 3166-1)',
    eu: 'Lid van de Europese Unie',
    eea: 'Lid van de Europese Economische Ruimte',
    nato: 'Lid van de NAVO',
    adequacy: 'Adequaatheidsbesluit (AVG)',
    noAdequacy: 'geen',
    offensive: 'Offensief cyberprogramma tegen Nederland',
    laws: 'Toegangswetten onder deze jurisdictie',
    standing: 'Bronnen van de positie van het land in de analyse',
    allSources: 'Alle bronnen',
    citation: 'Vindplaats',
    year: 'Jaar',
    scope: 'Reikwijdte',
    extraterritorial: 'Reikt tot gegevens buiten het land',
    compels: 'Kan toegang tot gegevens afdwingen',
  },
  en: {
    facts: 'Facts',
    yes: 'yes',
    no: 'no',
    replaces: 'Replaces',
    category: 'Product category',
    maker: 'Maker',
    country: 'Country',
    licence: 'Licence',
    openSource: 'Open source',
    selfHostable: 'Self-hostable',
    maturity: 'Maturity',
    emerging: 'emerging',
    established: 'established',
    mature: 'mature',
    code: 'Country code (ISO 3166-1)',
    eu: 'Member of the European Union',
    eea: 'Member of the European Economic Area',
    nato: 'Member of NATO',
    adequacy: 'GDPR adequacy decision',
    noAdequacy: 'none',
    offensive: 'Offensive cyber programme against the Netherlands',
    laws: 'Access laws under this jurisdiction',
    standing: 'Sources of the country’s standing in the analysis',
    allSources: 'All sources',
    citation: 'Citation',
    year: 'Year',
    scope: 'Scope',
    extraterritorial: 'Reaches data outside the country',
    compels: 'Can compel access to data',
  },
};

function Facts({ items }: { items: Parameters<typeof FactList>[0]['items'] }) {
  const t = useT(messages);
  return (
    <section aria-labelledby="kb-facts" style={{ marginBlockStart: '1.5rem' }}>
      <Heading level={3} id="kb-facts">
        {t('facts')}
      </Heading>
      <FactList items={items} />
    </section>
  );
}

export function AlternativeView({ entry }: { entry: AlternativeEntry }) {
  const t = useT(messages);
  const { base } = useOrg();
  const params = new URLSearchParams(useLocation().search);
  const categoryName = useEntryNames(base, 'category', [entry.category]);
  const vendorName = useEntryNames(base, 'vendor', entry.vendor ? [entry.vendor] : []);
  const yn = (b: boolean) => t(b ? 'yes' : 'no');
  return (
    <>
      <Facts
        items={[
          { key: 'replaces', label: t('replaces'), value: <InlineList items={entry.replaces} /> },
          {
            key: 'category',
            label: t('category'),
            value: <Link to={showSearch(params, 'category', entry.category)}>{categoryName(entry.category)}</Link>,
          },
          ...(entry.vendor
            ? [
                {
                  key: 'maker',
                  label: t('maker'),
                  value: <Link to={showSearch(params, 'vendor', entry.vendor)}>{vendorName(entry.vendor)}</Link>,
                },
              ]
            : []),
          { key: 'country', label: t('country'), value: <CountryLink code={entry.country} /> },
          { key: 'licence', label: t('licence'), value: <code>{entry.licence}</code> },
          { key: 'open', label: t('openSource'), value: yn(entry.openSource) },
          { key: 'self', label: t('selfHostable'), value: yn(entry.selfHostable) },
          { key: 'maturity', label: t('maturity'), value: t(entry.maturity) },
        ]}
      />
      <SourceList sources={entry.sources} id="kb-alternative" />
    </>
  );
}

export function CountryView({ entry }: { entry: CountryEntry }) {
  const t = useT(messages);
  const { base } = useOrg();
  const params = new URLSearchParams(useLocation().search);
  const lawName = useEntryNames(base, 'law', entry.laws);
  const yn = (b: boolean) => t(b ? 'yes' : 'no');
  return (
    <>
      <Facts
        items={[
          { key: 'code', label: t('code'), value: entry.code },
          { key: 'eu', label: t('eu'), value: yn(entry.eu) },
          { key: 'eea', label: t('eea'), value: yn(entry.eea) },
          { key: 'nato', label: t('nato'), value: yn(entry.nato) },
          {
            key: 'adequacy',
            label: t('adequacy'),
            value: entry.adequacy ? <English>{entry.adequacy}</English> : t('noAdequacy'),
          },
          { key: 'offensive', label: t('offensive'), value: yn(entry.offensiveCyber) },
          {
            key: 'laws',
            label: t('laws'),
            value: (
              <InlineList
                items={entry.laws.map((l) => (
                  <Link key={l} to={showSearch(params, 'law', l)}>
                    {lawName(l)}
                  </Link>
                ))}
              />
            ),
          },
        ]}
      />
      <SourceList sources={entry.standingSources} id="kb-standing" title={t('standing')} />
      <SourceList sources={entry.sources} id="kb-country" title={t('allSources')} />
    </>
  );
}

export function LawView({ entry }: { entry: LawEntry }) {
  const t = useT(messages);
  const yn = (b: boolean) => t(b ? 'yes' : 'no');
  return (
    <>
      <Facts
        items={[
          { key: 'scope', label: t('scope'), value: <English>{entry.scope}</English> },
          { key: 'country', label: t('country'), value: <CountryLink code={entry.country} /> },
          { key: 'citation', label: t('citation'), value: entry.citation },
          { key: 'year', label: t('year'), value: entry.year },
          { key: 'extra', label: t('extraterritorial'), value: yn(entry.extraterritorial) },
          { key: 'compels', label: t('compels'), value: yn(entry.compelsAccess) },
        ]}
      />
      <SourceList sources={entry.sources} id="kb-law" />
    </>
  );
}

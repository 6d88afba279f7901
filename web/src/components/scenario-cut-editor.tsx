/**
 * One cut of a scenario being built: what kind of thing is cut off, and the chooser that fits it —
 * a party, product or asset of the register, a knowledge-base vendor, a country with the ways it
 * reaches the register, or a software component by package URL and version range.
 */
import { useT, type Messages } from '../i18n';
import { Fieldset } from './graph-controls';
import type { GraphNode } from './graph-model';
import { CountrySelect, VendorPicker } from './scenario-pickers';
import {
  ASSET_CUT_TYPES,
  COUNTRY_SCOPES,
  CUT_KINDS,
  DEFAULT_COUNTRY_SCOPES,
  type CountryScope,
  type Cut,
  type CutKind,
} from './scenario-types';
import { Button, Checkbox, FormField, Select, TextInput } from './ui';

/** A cut as the form holds it: every field of every kind, so switching kind keeps what was typed. */
export interface CutDraft {
  key: number;
  kind: CutKind;
  partyId: string;
  vendorId: string;
  country: string;
  scope: CountryScope[];
  productId: string;
  purl: string;
  range: string;
  assetId: string;
  includeOwned: boolean;
  components: boolean;
}

export function newCut(key: number): CutDraft {
  return {
    key,
    kind: 'party',
    partyId: '',
    vendorId: '',
    country: '',
    scope: [...DEFAULT_COUNTRY_SCOPES],
    productId: '',
    purl: '',
    range: '',
    assetId: '',
    includeOwned: true,
    components: false,
  };
}

/** The cut the API receives; empty choices go as they are, so the API names the missing field. */
export function toCut(d: CutDraft): Cut {
  switch (d.kind) {
    case 'party':
      return { kind: 'party', partyId: d.partyId, includeOwned: d.includeOwned };
    case 'vendor':
      return { kind: 'vendor', vendorId: d.vendorId, includeOwned: d.includeOwned, components: d.components };
    case 'country':
      return { kind: 'country', country: d.country, scope: d.scope };
    case 'product':
      return { kind: 'product', productId: d.productId };
    case 'component':
      return { kind: 'component', purl: d.purl.trim(), ...(d.range.trim() ? { range: d.range.trim() } : {}) };
    default:
      return { kind: d.kind, assetId: d.assetId };
  }
}

const messages: Messages<
  | 'legend'
  | 'kind'
  | CutKind
  | 'party'
  | 'includeOwned'
  | 'components'
  | 'scope'
  | `scope.${CountryScope}`
  | 'product'
  | 'purl'
  | 'purlHelp'
  | 'range'
  | 'rangeHelp'
  | 'asset'
  | 'choose'
  | 'remove'
> = {
  nl: {
    legend: 'Afsnijding {n}',
    kind: 'Wat valt weg',
    party: 'Partij uit het register',
    vendor: 'Leverancier uit de kennisbank',
    country: 'Land',
    product: 'Product',
    component: 'Softwarecomponent',
    asset: 'Bedrijfsmiddel',
    'hosting-region': 'Hostingregio (cloudregio of datacenter)',
    site: 'Locatie (gebouw)',
    cable: 'Kabel of verbinding',
    includeOwned: 'Ook alles wat deze partij bezit (eigendomsketens omlaag)',
    components: 'Ook bedrijfsmiddelen met softwarecomponenten van deze leverancier',
    scope: 'Hoe het land het register raakt',
    'scope.headquartered': 'partijen met hun hoofdkantoor daar',
    'scope.owned': 'partijen waarvan de eigendomsketen daar uitkomt',
    'scope.hosted': 'bedrijfsmiddelen die daar gehost worden',
    'scope.made': 'hardware en grondstoffen die daar gemaakt worden',
    'scope.components': 'softwarecomponenten van leveranciers uit dat land',
    purl: 'Package URL (zonder versie)',
    purlHelp: 'Bijvoorbeeld pkg:maven/org.apache.logging.log4j/log4j-core',
    range: 'Getroffen versies (optioneel)',
    rangeHelp: 'Een semver-bereik, bijvoorbeeld >=2.0.0 <2.15.0; leeg betekent alle versies.',
    choose: 'Kies…',
    remove: 'Verwijder afsnijding {n}',
  },
  en: {
    legend: 'Cut {n}',
    kind: 'What is cut off',
    party: 'Party in the register',
    vendor: 'Vendor in the knowledge base',
    country: 'Country',
    product: 'Product',
    component: 'Software component',
    asset: 'Asset',
    'hosting-region': 'Hosting region (cloud region or datacentre)',
    site: 'Site (building)',
    cable: 'Cable or connection',
    includeOwned: 'Also everything this party owns (down the ownership chains)',
    components: 'Also assets with software components from this vendor',
    scope: 'How the country reaches the register',
    'scope.headquartered': 'parties headquartered there',
    'scope.owned': 'parties whose ownership chain leads there',
    'scope.hosted': 'assets hosted there',
    'scope.made': 'hardware and raw materials made there',
    'scope.components': 'software components from vendors of that country',
    purl: 'Package URL (without version)',
    purlHelp: 'For example pkg:maven/org.apache.logging.log4j/log4j-core',
    range: 'Affected versions (optional)',
    rangeHelp: 'A semver range, for example >=2.0.0 <2.15.0; empty means every version.',
    choose: 'Choose…',
    remove: 'Remove cut {n}',
  },
};

export interface CutOptions {
  parties: readonly GraphNode[];
  products: readonly GraphNode[];
  assets: readonly GraphNode[];
  countries: readonly string[];
}

export function CutEditor({
  draft,
  index,
  onChange,
  onRemove,
  options,
  base,
  errorAt,
}: {
  draft: CutDraft;
  index: number;
  onChange: (d: CutDraft) => void;
  onRemove?: (() => void) | undefined;
  options: CutOptions;
  base: string;
  /** The API's message for a field of this cut (`partyId`, `purl`…), if any. */
  errorAt: (field: string) => string | undefined;
}) {
  const t = useT(messages);
  const id = (f: string) => `cut-${draft.key}-${f}`;
  const set = (change: Partial<CutDraft>) => onChange({ ...draft, ...change });
  const err = (f: string) => {
    const e = errorAt(f);
    return e ? { error: e } : {};
  };
  const recordSelect = (field: 'partyId' | 'productId' | 'assetId', label: string, nodes: readonly GraphNode[]) => (
    <FormField id={id(field)} label={label} {...err(field)}>
      {(aria) => (
        <Select
          {...aria}
          value={draft[field]}
          onChange={(e) => set({ [field]: e.target.value })}
          options={[
            { value: '', label: t('choose') },
            ...[...nodes]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((n) => ({ value: n.id, label: n.country ? `${n.name} (${n.country})` : n.name })),
          ]}
        />
      )}
    </FormField>
  );
  const assetTypes = ASSET_CUT_TYPES[draft.kind];
  const assets = assetTypes ? options.assets.filter((a) => a.type && assetTypes.includes(a.type)) : options.assets;

  return (
    <Fieldset
      legend={t('legend', { n: index + 1 })}
      style={{ borderInlineStart: '4px solid #d0d0d0', paddingInlineStart: '1rem', marginBlock: '1rem' }}
    >
      <FormField id={id('kind')} label={t('kind')} {...err('kind')}>
        {(aria) => (
          <Select
            {...aria}
            value={draft.kind}
            onChange={(e) => set({ kind: e.target.value as CutKind })}
            options={CUT_KINDS.map((k) => ({ value: k, label: t(k) }))}
          />
        )}
      </FormField>
      {draft.kind === 'party' && (
        <>
          {recordSelect('partyId', t('party'), options.parties)}
          <Checkbox
            id={id('includeOwned')}
            label={t('includeOwned')}
            checked={draft.includeOwned}
            onChange={(e) => set({ includeOwned: e.target.checked })}
          />
        </>
      )}
      {draft.kind === 'vendor' && (
        <>
          <VendorPicker
            id={id('vendorId')}
            base={base}
            value={draft.vendorId}
            onChange={(vendorId) => set({ vendorId })}
            error={errorAt('vendorId')}
          />
          <Checkbox
            id={id('includeOwned')}
            label={t('includeOwned')}
            checked={draft.includeOwned}
            onChange={(e) => set({ includeOwned: e.target.checked })}
          />
          <Checkbox
            id={id('components')}
            label={t('components')}
            checked={draft.components}
            onChange={(e) => set({ components: e.target.checked })}
          />
        </>
      )}
      {draft.kind === 'country' && (
        <>
          <CountrySelect
            id={id('country')}
            value={draft.country}
            onChange={(country) => set({ country })}
            inRegister={options.countries}
            error={errorAt('country')}
          />
          <Fieldset legend={t('scope')} invalid={!!errorAt('scope')}>
            {errorAt('scope') && (
              <div className="utrecht-form-field-error-message" id={id('scope-error')}>
                {errorAt('scope')}
              </div>
            )}
            {COUNTRY_SCOPES.map((s) => (
              <Checkbox
                key={s}
                id={id(`scope-${s}`)}
                label={t(`scope.${s}`)}
                checked={draft.scope.includes(s)}
                onChange={(e) =>
                  set({
                    scope: e.target.checked
                      ? COUNTRY_SCOPES.filter((x) => x === s || draft.scope.includes(x))
                      : draft.scope.filter((x) => x !== s),
                  })
                }
              />
            ))}
          </Fieldset>
        </>
      )}
      {draft.kind === 'product' && recordSelect('productId', t('product'), options.products)}
      {draft.kind === 'component' && (
        <>
          <FormField id={id('purl')} label={t('purl')} description={t('purlHelp')} {...err('purl')}>
            {(aria) => (
              <TextInput
                {...aria}
                value={draft.purl}
                spellCheck={false}
                onChange={(e) => set({ purl: e.target.value })}
              />
            )}
          </FormField>
          <FormField id={id('range')} label={t('range')} description={t('rangeHelp')} {...err('range')}>
            {(aria) => (
              <TextInput
                {...aria}
                value={draft.range}
                spellCheck={false}
                onChange={(e) => set({ range: e.target.value })}
              />
            )}
          </FormField>
        </>
      )}
      {(draft.kind === 'asset' || assetTypes) && recordSelect('assetId', t(draft.kind), assets)}
      {onRemove && (
        <Button appearance="subtle" onClick={onRemove}>
          {t('remove', { n: index + 1 })}
        </Button>
      )}
    </Fieldset>
  );
}

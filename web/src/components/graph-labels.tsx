/**
 * Words for the graph in Dutch and English: the bands (the DOSA layers as /api/vocabularies names
 * them, plus processes and parties), the kinds of node and the relations — also the ones the
 * graph implies from a record's fields (provider, hosting, owner, product, maker).
 */
import { useCallback, useMemo } from 'react';
import { useT, type Messages } from '../i18n';
import type { Band } from './graph-model';

const bands: Messages<Band> = {
  nl: {
    process: 'Processen',
    applications: 'Applicaties en diensten',
    data: 'Data',
    'soft-infrastructure': 'Zachte infrastructuur',
    'physical-infrastructure': 'Fysieke infrastructuur',
    hardware: 'Hardware',
    'raw-materials': 'Grondstoffen',
    party: 'Partijen',
    other: 'Overig',
  },
  en: {
    process: 'Processes',
    applications: 'Applications and services',
    data: 'Data',
    'soft-infrastructure': 'Soft infrastructure',
    'physical-infrastructure': 'Physical infrastructure',
    hardware: 'Hardware',
    'raw-materials': 'Raw materials',
    party: 'Parties',
    other: 'Other',
  },
};

type Kind = 'process' | 'asset' | 'party' | 'product' | 'component';
const kinds: Messages<Kind> = {
  nl: { process: 'proces', asset: 'bedrijfsmiddel', party: 'partij', product: 'product', component: 'component' },
  en: { process: 'process', asset: 'asset', party: 'party', product: 'product', component: 'component' },
};

type Relation =
  | 'uses'
  | 'runs-on'
  | 'supplied-by'
  | 'contains'
  | 'provided-by'
  | 'hosted-by'
  | 'owned-by'
  | 'instance-of'
  | 'made-by'
  | 'depends-on';
const relations: Messages<Relation> = {
  nl: {
    uses: 'gebruikt',
    'runs-on': 'draait op',
    'supplied-by': 'geleverd door',
    contains: 'bevat',
    'provided-by': 'aangeboden door',
    'hosted-by': 'gehost door',
    'owned-by': 'eigendom van',
    'instance-of': 'exemplaar van product',
    'made-by': 'gemaakt door',
    'depends-on': 'hangt af van',
  },
  en: {
    uses: 'uses',
    'runs-on': 'runs on',
    'supplied-by': 'supplied by',
    contains: 'contains',
    'provided-by': 'provided by',
    'hosted-by': 'hosted by',
    'owned-by': 'owned by',
    'instance-of': 'instance of product',
    'made-by': 'made by',
    'depends-on': 'depends on',
  },
};

export function useBandLabels(): Record<Band, string> {
  const t = useT(bands);
  // Memoised: the canvas redraws when its labels change identity.
  return useMemo(
    () => Object.fromEntries(Object.keys(bands.nl).map((b) => [b, t(b as Band)])) as Record<Band, string>,
    [t],
  );
}

export function useKindLabel() {
  const t = useT(kinds);
  return useCallback((kind: string) => (kind in kinds.nl ? t(kind as Kind) : kind), [t]);
}

export function useRelationLabel() {
  const t = useT(relations);
  return useCallback((relation: string) => (relation in relations.nl ? t(relation as Relation) : relation), [t]);
}

/**
 * The explorer's choices: the centre (a process, asset, party or product — found by typing part
 * of its name — or the whole graph), how many steps up and down, which bands, only strategic
 * assets, and which relation types.
 */
import { useEffect, useMemo, useState } from 'react';
import { useT, type Messages } from '../i18n';
import { Fieldset } from './graph-controls';
import { useBandLabels, useKindLabel, useRelationLabel } from './graph-labels';
import type { Band, GraphNode } from './graph-model';
import type { GraphFilter } from './graph-selection';
import { Checkbox, FormField, TextInput } from './ui';

/** Options in the centre list at most: typing narrows a big register down. */
const MAX_OPTIONS = 500;
const KIND_ORDER = ['process', 'asset', 'product', 'party', 'component'];

const messages: Messages<
  | 'search'
  | 'searchHelp'
  | 'focus'
  | 'whole'
  | 'depth'
  | 'depthHelp'
  | 'bands'
  | 'strategic'
  | 'relations'
  | 'truncated'
> = {
  nl: {
    search: 'Zoek het middelpunt',
    searchHelp: 'Typ een deel van de naam; de keuzelijst hieronder toont dan alleen wat past.',
    focus: 'Middelpunt',
    whole: 'De hele grafiek',
    depth: 'Aantal stappen omhoog en omlaag',
    depthHelp: 'Omlaag: waar het middelpunt van afhangt; omhoog: wat ervan afhangt.',
    bands: 'Lagen',
    strategic: 'Alleen strategische bedrijfsmiddelen',
    relations: 'Soorten relaties',
    truncated: 'De keuzelijst toont de eerste {n}; typ meer om te zoeken.',
  },
  en: {
    search: 'Find the centre',
    searchHelp: 'Type part of the name; the list below then shows only what matches.',
    focus: 'Centre',
    whole: 'The whole graph',
    depth: 'Number of steps up and down',
    depthHelp: 'Down: what the centre depends on; up: what depends on it.',
    bands: 'Layers',
    strategic: 'Only strategic assets',
    relations: 'Relation types',
    truncated: 'The list shows the first {n}; type more to search.',
  },
};

export function GraphFilters({
  nodes,
  bands,
  relations,
  filter,
  onChange,
}: {
  nodes: readonly GraphNode[];
  bands: readonly Band[];
  relations: readonly string[];
  filter: GraphFilter;
  onChange: (change: Partial<GraphFilter>) => void;
}) {
  const t = useT(messages);
  const bandLabel = useBandLabels();
  const kindLabel = useKindLabel();
  const relationLabel = useRelationLabel();
  const [query, setQuery] = useState('');
  // The depth as typed: an empty or half-typed field must not snap back while editing.
  const [depthText, setDepthText] = useState(String(filter.depth));
  useEffect(() => setDepthText(String(filter.depth)), [filter.depth]);

  const { groups, truncated } = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matching = nodes.filter((n) => !q || n.name.toLowerCase().includes(q) || n.id.includes(q));
    const kept = matching.slice(0, MAX_OPTIONS);
    // The current centre stays in the list, or the select would show something else.
    const current = nodes.find((n) => n.ref === filter.focus);
    if (current && !kept.includes(current)) kept.push(current);
    const byKind = new Map<string, GraphNode[]>();
    for (const n of kept) (byKind.get(n.kind) ?? byKind.set(n.kind, []).get(n.kind)!).push(n);
    for (const list of byKind.values()) list.sort((a, b) => a.name.localeCompare(b.name));
    const order = [...byKind.keys()].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
    return { groups: order.map((k) => [k, byKind.get(k)!] as const), truncated: matching.length > MAX_OPTIONS };
  }, [nodes, query, filter.focus]);

  const toggle = <T,>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem 2.5rem', alignItems: 'flex-start' }}>
      <div style={{ minWidth: '18rem', flex: '1 1 20rem' }}>
        <FormField id="graph-search" label={t('search')} description={t('searchHelp')}>
          {(aria) => (
            <TextInput
              {...aria}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              autoComplete="off"
            />
          )}
        </FormField>
        <FormField
          id="graph-focus"
          label={t('focus')}
          {...(truncated ? { description: t('truncated', { n: MAX_OPTIONS }) } : {})}
        >
          {({ invalid: _invalid, ...aria }) => (
            <select
              {...aria}
              className="utrecht-select utrecht-select--html-select"
              value={filter.focus}
              onChange={(e) => onChange({ focus: e.target.value })}
            >
              <option value="">{t('whole')}</option>
              {groups.map(([kind, list]) => (
                <optgroup key={kind} label={kindLabel(kind)}>
                  {list.map((n) => (
                    <option key={n.ref} value={n.ref}>
                      {n.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="graph-depth" label={t('depth')} description={t('depthHelp')}>
          {(aria) => (
            <TextInput
              {...aria}
              type="number"
              inputMode="numeric"
              min={1}
              max={20}
              style={{ maxWidth: '6rem' }}
              disabled={!filter.focus}
              value={depthText}
              onChange={(e) => {
                setDepthText(e.target.value);
                const n = Number(e.target.value);
                if (Number.isInteger(n) && n >= 1 && n <= 20) onChange({ depth: n });
              }}
            />
          )}
        </FormField>
      </div>
      <Fieldset legend={t('bands')}>
        {bands.map((b) => (
          <Checkbox
            key={b}
            id={`graph-band-${b}`}
            label={bandLabel[b]}
            checked={filter.bands.has(b)}
            onChange={(e) => onChange({ bands: toggle(filter.bands, b, e.target.checked) })}
          />
        ))}
        <div style={{ marginBlockStart: '0.75rem' }}>
          <Checkbox
            id="graph-strategic"
            label={t('strategic')}
            checked={filter.onlyStrategic}
            onChange={(e) => onChange({ onlyStrategic: e.target.checked })}
          />
        </div>
      </Fieldset>
      <Fieldset legend={t('relations')}>
        {relations.map((r) => (
          <Checkbox
            key={r}
            id={`graph-relation-${r}`}
            label={relationLabel(r)}
            checked={filter.relations.has(r)}
            onChange={(e) => onChange({ relations: toggle(filter.relations, r, e.target.checked) })}
          />
        ))}
      </Fieldset>
    </div>
  );
}

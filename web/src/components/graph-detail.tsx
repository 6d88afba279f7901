/**
 * The side panel for the selected node: what it is, the facts the page adds (risk, state), what it
 * depends on and what depends on it (each selectable), and a link to its own page. Focus moves to
 * the panel's heading when a node is chosen from the list, so keyboard users land on the answer.
 */
import { forwardRef, type ReactNode } from 'react';
import { useT, type Messages } from '../i18n';
import { LinkButton } from './graph-controls';
import { useBandLabels, useKindLabel, useRelationLabel } from './graph-labels';
import { bandOf, type GraphEdge, type GraphNode } from './graph-model';
import { Button, DataList, Link } from './ui';

const messages: Messages<
  | 'kind'
  | 'layers'
  | 'country'
  | 'vital'
  | 'yes'
  | 'no'
  | 'dependsOn'
  | 'usedBy'
  | 'nothing'
  | 'openAsset'
  | 'openProcess'
  | 'focus'
  | 'close'
  | 'more'
> = {
  nl: {
    kind: 'Soort',
    layers: 'Lagen',
    country: 'Land',
    vital: 'Vitaal proces',
    yes: 'ja',
    no: 'nee',
    dependsOn: 'Hangt af van',
    usedBy: 'Wordt gebruikt door',
    nothing: 'niets',
    openAsset: 'Open het bedrijfsmiddel {name}',
    openProcess: 'Open het proces {name}',
    focus: 'Maak dit het middelpunt',
    close: 'Sluit details',
    more: 'en {n} meer',
  },
  en: {
    kind: 'Kind',
    layers: 'Layers',
    country: 'Country',
    vital: 'Vital process',
    yes: 'yes',
    no: 'no',
    dependsOn: 'Depends on',
    usedBy: 'Used by',
    nothing: 'nothing',
    openAsset: 'Open the asset {name}',
    openProcess: 'Open the process {name}',
    focus: 'Make this the centre',
    close: 'Close details',
    more: 'and {n} more',
  },
};

/** Neighbours listed in the panel; a hub with hundreds of users shows the first ones and a count. */
const MAX_LISTED = 50;

export const GraphDetail = forwardRef<
  HTMLHeadingElement,
  {
    node: GraphNode;
    facts?: { key: string; label: ReactNode; value: ReactNode }[];
    dependsOn: readonly GraphEdge[];
    usedBy: readonly GraphEdge[];
    names: ReadonlyMap<string, string>;
    onSelect: (ref: string) => void;
    onFocus?: (ref: string) => void;
    onClose: () => void;
    /** The heading level, to fit the page's outline (2 on the graph page). */
    level?: 2 | 3 | 4;
  }
>(function GraphDetail({ node, facts = [], dependsOn, usedBy, names, onSelect, onFocus, onClose, level = 2 }, heading) {
  const t = useT(messages);
  const bandLabel = useBandLabels();
  const kindLabel = useKindLabel();
  const relationLabel = useRelationLabel();
  const neighbours = (edges: readonly GraphEdge[], end: 'from' | 'to') =>
    edges.length ? (
      <ul className="utrecht-unordered-list" style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
        {edges.slice(0, MAX_LISTED).map((e, i) => (
          <li key={i} className="utrecht-unordered-list__item">
            {relationLabel(e.relation)}{' '}
            <LinkButton onClick={() => onSelect(e[end])}>{names.get(e[end]) ?? e[end]}</LinkButton>
          </li>
        ))}
        {edges.length > MAX_LISTED && <li>{t('more', { n: edges.length - MAX_LISTED })}</li>}
      </ul>
    ) : (
      t('nothing')
    );
  const page = node.kind === 'asset' ? 'assets' : node.kind === 'process' ? 'processes' : undefined;
  const H = `h${level}` as const;
  return (
    <section aria-labelledby="graph-detail-heading">
      <H className={`utrecht-heading-${level}`} id="graph-detail-heading" tabIndex={-1} ref={heading}>
        {node.name}
      </H>
      {page && (
        <p className="utrecht-paragraph">
          <Link to={`/${page}/${encodeURIComponent(node.id)}`}>
            {t(page === 'assets' ? 'openAsset' : 'openProcess', { name: node.name })}
          </Link>
        </p>
      )}
      <DataList
        items={[
          { key: 'kind', label: t('kind'), value: kindLabel(node.kind) },
          ...(node.kind !== 'party' && node.kind !== 'process'
            ? [
                {
                  key: 'layers',
                  label: t('layers'),
                  value: node.layers?.length
                    ? node.layers.map((l) => bandLabel[l as keyof typeof bandLabel] ?? l).join(', ')
                    : bandLabel[bandOf(node)],
                },
              ]
            : []),
          ...(node.kind === 'process'
            ? [{ key: 'vital', label: t('vital'), value: t(node.vital ? 'yes' : 'no') }]
            : []),
          ...(node.country ? [{ key: 'country', label: t('country'), value: node.country }] : []),
          ...facts,
          { key: 'down', label: t('dependsOn'), value: neighbours(dependsOn, 'to') },
          { key: 'up', label: t('usedBy'), value: neighbours(usedBy, 'from') },
        ]}
      />
      <div className="stapel-toolbar">
        {onFocus && <Button onClick={() => onFocus(node.ref)}>{t('focus')}</Button>}
        <Button appearance="subtle" onClick={onClose}>
          {t('close')}
        </Button>
      </div>
    </section>
  );
});

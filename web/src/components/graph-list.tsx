/**
 * The graph as text: every node of the selection with its kind, layer, risk level and what it
 * depends on — the keyboard and screen-reader alternative to the canvas. Long selections show in
 * pages of rows, so a graph of thousands of nodes does not put thousands of rows in the page.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useT, type Messages } from '../i18n';
import { LinkButton } from './graph-controls';
import { useBandLabels, useKindLabel, useRelationLabel } from './graph-labels';
import { bandOf, type GraphEdge, type GraphNode } from './graph-model';
import { Button, Table, TableBody, TableHead } from './ui';

const PAGE = 200;

const messages: Messages<'name' | 'kind' | 'layer' | 'depends' | 'more' | 'none' | 'select' | 'shown'> = {
  nl: {
    name: 'Naam',
    kind: 'Soort',
    layer: 'Laag',
    depends: 'Hangt af van',
    more: 'Toon {n} meer',
    none: 'niets in deze selectie',
    select: 'Selecteer {name}',
    shown: '{shown} van {total} getoond.',
  },
  en: {
    name: 'Name',
    kind: 'Kind',
    layer: 'Layer',
    depends: 'Depends on',
    more: 'Show {n} more',
    none: 'nothing in this selection',
    select: 'Select {name}',
    shown: '{shown} of {total} shown.',
  },
};

export function GraphList({
  caption,
  nodes,
  edges,
  names,
  selected,
  onSelect,
  status,
  statusLabel,
}: {
  caption: ReactNode;
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  /** Names of every node by ref (edges may point at nodes of the whole graph). */
  names: ReadonlyMap<string, string>;
  selected?: string | undefined;
  onSelect: (ref: string) => void;
  /** The level or state column: its cell for a node. */
  status: (node: GraphNode) => ReactNode;
  statusLabel: string;
}) {
  const t = useT(messages);
  const bandLabel = useBandLabels();
  const kindLabel = useKindLabel();
  const relationLabel = useRelationLabel();
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => setLimit(PAGE), [nodes]);

  const dependsOn = useMemo(() => {
    const out = new Map<string, GraphEdge[]>();
    for (const e of edges) (out.get(e.from) ?? out.set(e.from, []).get(e.from)!).push(e);
    return out;
  }, [edges]);

  // The selected node stays in view even when it lies beyond the rows shown.
  const shown = nodes.slice(0, limit);
  const sel = selected ? nodes.find((n) => n.ref === selected) : undefined;
  if (sel && !shown.includes(sel)) shown.push(sel);

  return (
    <>
      <Table caption={caption}>
        <TableHead cells={[t('name'), t('kind'), t('layer'), statusLabel, t('depends')]} />
        <TableBody
          rows={shown.map((n) => {
            const deps = dependsOn.get(n.ref) ?? [];
            return {
              key: n.ref,
              cells: [
                <LinkButton
                  aria-pressed={n.ref === selected}
                  aria-label={t('select', { name: n.name })}
                  onClick={() => onSelect(n.ref)}
                  data-ref={n.ref}
                >
                  {n.ref === selected ? <strong>{n.name}</strong> : n.name}
                </LinkButton>,
                kindLabel(n.kind),
                bandLabel[bandOf(n)],
                status(n),
                deps.length
                  ? deps.map((e, i) => (
                      <span key={i}>
                        {i > 0 && '; '}
                        {relationLabel(e.relation)} {names.get(e.to) ?? e.to}
                      </span>
                    ))
                  : t('none'),
              ],
            };
          })}
        />
      </Table>
      {nodes.length > limit && (
        <p className="utrecht-paragraph">
          {t('shown', { shown: Math.min(limit, nodes.length), total: nodes.length })}{' '}
          <Button onClick={() => setLimit((l) => l + PAGE)}>
            {t('more', { n: Math.min(PAGE, nodes.length - limit) })}
          </Button>
        </p>
      )}
    </>
  );
}

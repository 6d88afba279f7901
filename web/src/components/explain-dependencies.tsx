/**
 * What a register node needs (its outgoing edges in the dependency graph) or what needs it (the
 * incoming ones), as a list: assets and processes link to their page; parties and products are
 * named. The relation and any redundancy group are said in words.
 */
import { useT, type Messages } from '../i18n';
import { useVocabularies } from './explain-format';
import type { Graph, GraphEdge, GraphNode } from './explain-types';
import { Link, Paragraph } from './ui';

type Key =
  | 'none'
  | 'group'
  | 'process'
  | 'party'
  | 'product'
  | 'provided-by'
  | 'hosted-by'
  | 'instance-of'
  | 'made-by'
  | 'owned-by';

const messages: Messages<Key> = {
  nl: {
    none: 'Geen.',
    group: 'redundantiegroep “{g}”: een van de leden volstaat',
    process: 'proces',
    party: 'partij',
    product: 'product',
    'provided-by': 'aangeboden door',
    'hosted-by': 'gehost door',
    'instance-of': 'exemplaar van',
    'made-by': 'gemaakt door',
    'owned-by': 'eigendom van',
  },
  en: {
    none: 'None.',
    group: 'redundancy group “{g}”: any one member suffices',
    process: 'process',
    party: 'party',
    product: 'product',
    'provided-by': 'provided by',
    'hosted-by': 'hosted by',
    'instance-of': 'instance of',
    'made-by': 'made by',
    'owned-by': 'owned by',
  },
};

const OWN_RELATIONS = new Set(['provided-by', 'hosted-by', 'instance-of', 'made-by', 'owned-by']);

function NodeName({ node }: { node: GraphNode }) {
  const t = useT(messages);
  if (node.kind === 'asset') return <Link to={`/assets/${encodeURIComponent(node.id)}`}>{node.name}</Link>;
  if (node.kind === 'process')
    return (
      <>
        <Link to={`/processes/${encodeURIComponent(node.id)}`}>{node.name}</Link> ({t('process')})
      </>
    );
  return (
    <>
      {node.name} ({node.kind === 'party' ? t('party') : node.kind === 'product' ? t('product') : node.kind})
    </>
  );
}

export function DependencyList({
  graph,
  nodeRef,
  direction,
  kinds,
  label,
}: {
  graph: Graph;
  /** "asset:<id>" or "process:<id>". */
  nodeRef: string;
  /** "down": what the node needs; "up": what needs the node. */
  direction: 'down' | 'up';
  /** Only edges to (or from) nodes of these kinds. */
  kinds?: string[];
  label: string;
}) {
  const t = useT(messages);
  const { label: vocabLabel } = useVocabularies();
  const nodes = new Map(graph.nodes.map((n) => [n.ref, n]));
  const edges: { edge: GraphEdge; other: GraphNode }[] = [];
  const seen = new Set<string>();
  for (const e of graph.edges) {
    const otherRef =
      direction === 'down' ? (e.from === nodeRef ? e.to : undefined) : e.to === nodeRef ? e.from : undefined;
    const other = otherRef ? nodes.get(otherRef) : undefined;
    if (!other || (kinds && !kinds.includes(other.kind))) continue;
    const key = `${e.relation}|${other.ref}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ edge: e, other });
  }
  // Assets and processes (which link onwards) first, then products and parties.
  const order = ['asset', 'process', 'product', 'party'];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  edges.sort((a, b) => rank(a.other.kind) - rank(b.other.kind));
  if (!edges.length) return <Paragraph>{t('none')}</Paragraph>;
  const relation = (r: string) => (OWN_RELATIONS.has(r) ? t(r as Key) : vocabLabel('relations', r));
  return (
    <ul className="utrecht-unordered-list stapel-deps" aria-label={label}>
      {edges.map(({ edge, other }) => (
        <li key={`${edge.relation}|${other.ref}`}>
          <NodeName node={other} /> — {relation(edge.relation)}
          {edge.redundancyGroup && <> ({t('group', { g: edge.redundancyGroup })})</>}
        </li>
      ))}
    </ul>
  );
}

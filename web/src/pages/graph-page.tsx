/**
 * The dependency graph explorer (/graph?focus=<ref>&depth=N): the graph around a chosen process,
 * asset, party or product, drawn in the DOSA layers and coloured and shaped by risk, with filters,
 * a detail panel for the selected node, and the same selection as an accessible table.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { GraphCanvas, type CanvasNode } from '../components/graph-canvas';
import { GraphDetail } from '../components/graph-detail';
import { GraphFilters } from '../components/graph-filters';
import { useBandLabels } from '../components/graph-labels';
import { GraphLegend } from '../components/graph-legend';
import { GraphList } from '../components/graph-list';
import { adjacency, bandOf, type Band, type GraphDocument } from '../components/graph-model';
import { levelLook, LEVEL_SHAPES, NO_LEVEL, risksByRef, type AnalysisDocument } from '../components/graph-risk';
import { bandsOf, relationsOf, selectGraph, type GraphFilter } from '../components/graph-selection';
import { LEVEL_COLOURS, RiskBadge, useLevelLabel, type Level } from '../components/risk';
import { Alert, Heading, Loading, Paragraph } from '../components/ui';
import { useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { useApi } from '../use-api';

/** Up to this many nodes the page opens on the whole graph; above it, on the first vital process. */
const WHOLE_GRAPH_MAX = 300;
const DEFAULT_DEPTH = 2;

const messages: Messages<
  | 'title'
  | 'intro'
  | 'choices'
  | 'graph'
  | 'list'
  | 'loading'
  | 'count'
  | 'countFocus'
  | 'canvas'
  | 'canvasWhole'
  | 'caption'
  | 'details'
  | 'pick'
  | 'risk'
  | 'noScore'
  | 'continuity'
  | 'access'
  | 'strategic'
  | 'yes'
  | 'no'
  | 'legend'
  | 'legendNoScore'
  | 'arrows'
  | 'dashed'
  | 'unknownFocus'
> = {
  nl: {
    title: 'Afhankelijkheden',
    intro:
      'De afhankelijkheden van de organisatie per laag van de digitale stapel: processen bovenaan, grondstoffen en partijen onderaan. Kies een middelpunt om te zien waar het van afhangt en wat ervan afhangt.',
    choices: 'Keuzes',
    graph: 'Grafiek',
    list: 'Als lijst',
    loading: 'De grafiek wordt geladen…',
    count: '{nodes} knooppunten en {edges} verbindingen getoond.',
    countFocus:
      '{nodes} knooppunten en {edges} verbindingen getoond, binnen {depth} stappen van {focus} ({reached} bereikt).',
    canvas:
      'Grafiek van {nodes} knooppunten en {edges} verbindingen rond {focus}. Dezelfde gegevens staan in de tabel onder de grafiek.',
    canvasWhole:
      'Grafiek van alle {nodes} knooppunten en {edges} verbindingen. Dezelfde gegevens staan in de tabel onder de grafiek.',
    caption: 'Knooppunten in deze selectie:',
    details: 'Details',
    pick: 'Kies een knooppunt in de grafiek of in de lijst om de details te zien.',
    risk: 'Risico',
    noScore: 'geen score',
    continuity: 'Risico continuïteit',
    access: 'Risico toegang',
    strategic: 'Strategisch',
    yes: 'ja',
    no: 'nee',
    legend: 'Kleur en vorm: het hoogste risico (continuïteit of toegang)',
    legendNoScore: 'geen score (partij, product)',
    arrows: 'Een pijl wijst naar waar iets van afhangt.',
    dashed:
      'Een gestippelde lijn volgt uit een gegeven van het record (leverancier, hosting, eigenaar, product, maker).',
    unknownFocus: 'Het gekozen middelpunt “{focus}” staat niet in het register; de hele grafiek wordt getoond.',
  },
  en: {
    title: 'Dependencies',
    intro:
      "The organisation's dependencies by layer of the digital stack: processes on top, raw materials and parties at the bottom. Choose a centre to see what it depends on and what depends on it.",
    choices: 'Choices',
    graph: 'Graph',
    list: 'As a list',
    loading: 'Loading the graph…',
    count: '{nodes} nodes and {edges} connections shown.',
    countFocus: '{nodes} nodes and {edges} connections shown, within {depth} steps of {focus} ({reached} reached).',
    canvas:
      'Graph of {nodes} nodes and {edges} connections around {focus}. The table below the graph holds the same data.',
    canvasWhole: 'Graph of all {nodes} nodes and {edges} connections. The table below the graph holds the same data.',
    caption: 'Nodes in this selection:',
    details: 'Details',
    pick: 'Choose a node in the graph or in the list to see its details.',
    risk: 'Risk',
    noScore: 'no score',
    continuity: 'Continuity risk',
    access: 'Access risk',
    strategic: 'Strategic',
    yes: 'yes',
    no: 'no',
    legend: 'Colour and shape: the highest risk (continuity or access)',
    legendNoScore: 'no score (party, product)',
    arrows: 'An arrow points to what something depends on.',
    dashed: "A dashed line follows from a record's field (provider, hosting, owner, product, maker).",
    unknownFocus: 'The chosen centre “{focus}” is not in the register; the whole graph is shown.',
  },
};

export default function GraphPage() {
  const t = useT(messages);
  const levelLabel = useLevelLabel();
  const bandLabels = useBandLabels();
  const { base } = useOrg();
  const graph = useApi<GraphDocument>(`${base}/graph`);
  const analysis = useApi<AnalysisDocument>(`${base}/analysis`);
  const [params, setParams] = useSearchParams();
  const [hiddenBands, setHiddenBands] = useState<ReadonlySet<Band>>(new Set());
  const [hiddenRelations, setHiddenRelations] = useState<ReadonlySet<string>>(new Set());
  const [onlyStrategic, setOnlyStrategic] = useState(false);
  const [selected, setSelected] = useState<string | undefined>();
  const [focusPanel, setFocusPanel] = useState(0);
  const panelHeading = useRef<HTMLHeadingElement>(null);

  const doc = graph.data;
  const risks = useMemo(() => risksByRef(analysis.data), [analysis.data]);
  const names = useMemo(() => new Map((doc?.nodes ?? []).map((n) => [n.ref, n.name])), [doc]);
  const adj = useMemo(() => adjacency(doc?.edges ?? []), [doc]);
  const allBands = useMemo(() => (doc ? bandsOf(doc) : []), [doc]);
  const allRelations = useMemo(() => (doc ? relationsOf(doc) : []), [doc]);

  // The centre: from the URL; without one, the whole graph if it is small, else the first vital process.
  const asked = params.get('focus');
  const defaultFocus = useMemo(() => {
    if (!doc || doc.nodes.length <= WHOLE_GRAPH_MAX) return '';
    return (
      (doc.nodes.find((n) => n.kind === 'process' && n.vital) ?? doc.nodes.find((n) => n.kind === 'process'))?.ref ?? ''
    );
  }, [doc]);
  const unknownFocus = !!doc && !!asked && asked !== 'all' && !names.has(asked);
  const focus = asked === null ? defaultFocus : asked === 'all' || unknownFocus ? '' : asked;
  const depthParam = Number(params.get('depth'));
  const depth = Number.isInteger(depthParam) && depthParam >= 1 ? Math.min(depthParam, 20) : DEFAULT_DEPTH;

  const filter: GraphFilter = useMemo(
    () => ({
      focus,
      depth,
      bands: new Set(allBands.filter((b) => !hiddenBands.has(b))),
      onlyStrategic,
      relations: new Set(allRelations.filter((r) => !hiddenRelations.has(r))),
    }),
    [focus, depth, allBands, hiddenBands, onlyStrategic, allRelations, hiddenRelations],
  );
  const selection = useMemo(
    () => (doc ? selectGraph(doc, filter, risks) : { nodes: [], edges: [], reached: 0 }),
    [doc, filter, risks],
  );
  const visible = useMemo(() => new Set(selection.nodes.map((n) => n.ref)), [selection]);

  const canvasNodes: CanvasNode[] = useMemo(
    () =>
      selection.nodes.map((n) => {
        const look = levelLook(risks.get(n.ref)?.level);
        return {
          ref: n.ref,
          name: n.name,
          label: `${look.symbol} ${n.name}`,
          band: bandOf(n),
          colour: look.colour,
          shape: look.shape,
        };
      }),
    [selection, risks],
  );

  const setFocus = useCallback(
    (ref: string) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.set('focus', ref || 'all');
          if (!next.has('depth')) next.set('depth', String(DEFAULT_DEPTH));
          return next;
        },
        { replace: false },
      ),
    [setParams],
  );

  const onChange = (change: Partial<GraphFilter>) => {
    if (change.focus !== undefined) setFocus(change.focus);
    if (change.depth !== undefined)
      setParams((p) => {
        const next = new URLSearchParams(p);
        next.set('depth', String(change.depth));
        if (!next.has('focus')) next.set('focus', focus || 'all');
        return next;
      });
    if (change.bands) setHiddenBands(new Set(allBands.filter((b) => !change.bands!.has(b))));
    if (change.relations) setHiddenRelations(new Set(allRelations.filter((r) => !change.relations!.has(r))));
    if (change.onlyStrategic !== undefined) setOnlyStrategic(change.onlyStrategic);
  };

  /** Selecting from a list or the panel: outside the selection, the node becomes the new centre. */
  const selectFromText = (ref: string) => {
    if (!visible.has(ref)) setFocus(ref);
    setSelected(ref);
    setFocusPanel((n) => n + 1);
  };

  useEffect(() => {
    if (focusPanel) panelHeading.current?.focus();
  }, [focusPanel]);

  const selectedNode = selected && visible.has(selected) ? doc?.nodes.find((n) => n.ref === selected) : undefined;
  const risk = selectedNode ? risks.get(selectedNode.ref) : undefined;

  if (graph.error) return <Alert type="error">{graph.error.message}</Alert>;
  if (!doc) return <Loading label={t('loading')} />;

  const focusName = names.get(focus) ?? focus;
  const counts = { nodes: selection.nodes.length, edges: selection.edges.length };
  return (
    <>
      <Heading level={1}>{t('title')}</Heading>
      <Paragraph lead>{t('intro')}</Paragraph>
      {unknownFocus && <Alert type="warning">{t('unknownFocus', { focus: asked ?? '' })}</Alert>}
      {analysis.error && <Alert type="warning">{analysis.error.message}</Alert>}

      <section aria-labelledby="graph-choices">
        <Heading level={2} id="graph-choices">
          {t('choices')}
        </Heading>
        <GraphFilters nodes={doc.nodes} bands={allBands} relations={allRelations} filter={filter} onChange={onChange} />
      </section>

      <p className="utrecht-paragraph" role="status" id="graph-count">
        {focus
          ? t('countFocus', { ...counts, depth, focus: focusName, reached: selection.reached })
          : t('count', counts)}
      </p>

      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1.5rem', alignItems: 'flex-start' }}>
        <section aria-labelledby="graph-canvas-heading" style={{ flex: '3 1 36rem', minWidth: 0 }}>
          <Heading level={2} id="graph-canvas-heading">
            {t('graph')}
          </Heading>
          <GraphCanvas
            nodes={canvasNodes}
            edges={selection.edges}
            selected={selectedNode?.ref}
            onSelect={setSelected}
            label={focus ? t('canvas', { ...counts, focus: focusName }) : t('canvasWhole', counts)}
            bandLabels={bandLabels}
          />
          <GraphLegend
            title={t('legend')}
            items={[
              ...(['low', 'medium', 'high', 'very-high'] as Level[]).map((l) => ({
                key: l,
                shape: LEVEL_SHAPES[l],
                colour: LEVEL_COLOURS[l],
                label: levelLabel(l),
              })),
              { key: 'none', shape: NO_LEVEL.shape, colour: NO_LEVEL.colour, label: t('legendNoScore') },
            ]}
            notes={[t('arrows'), t('dashed')]}
          />
        </section>
        <aside style={{ flex: '1 1 18rem', minWidth: 0 }} aria-label={t('details')}>
          {selectedNode ? (
            <GraphDetail
              ref={panelHeading}
              node={selectedNode}
              names={names}
              dependsOn={adj.down.get(selectedNode.ref) ?? []}
              usedBy={adj.up.get(selectedNode.ref) ?? []}
              onSelect={selectFromText}
              onFocus={(ref) => setFocus(ref)}
              onClose={() => setSelected(undefined)}
              facts={
                risk
                  ? [
                      {
                        key: 'continuity',
                        label: t('continuity'),
                        value: <RiskBadge level={risk.continuity.level} score={risk.continuity.score} />,
                      },
                      {
                        key: 'access',
                        label: t('access'),
                        value: <RiskBadge level={risk.access.level} score={risk.access.score} />,
                      },
                      ...(risk.strategic !== undefined
                        ? [
                            {
                              key: 'strategic',
                              label: t('strategic'),
                              value: `${t(risk.strategic ? 'yes' : 'no')}${risk.strategicReason ? ` — ${risk.strategicReason}` : ''}`,
                            },
                          ]
                        : []),
                    ]
                  : []
              }
            />
          ) : (
            <>
              <Heading level={2}>{t('details')}</Heading>
              <Paragraph>{t('pick')}</Paragraph>
            </>
          )}
        </aside>
      </div>

      <section aria-labelledby="graph-list-heading">
        <Heading level={2} id="graph-list-heading">
          {t('list')}
        </Heading>
        <GraphList
          caption={
            <>
              {t('caption')} <span data-testid="graph-node-count">{selection.nodes.length}</span>
            </>
          }
          nodes={selection.nodes}
          edges={selection.edges}
          names={names}
          selected={selectedNode?.ref}
          onSelect={selectFromText}
          statusLabel={t('risk')}
          status={(n) => {
            const level = risks.get(n.ref)?.level;
            return level ? <RiskBadge level={level} /> : t('noScore');
          }}
        />
      </section>
    </>
  );
}

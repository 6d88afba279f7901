/**
 * The part of the dependency graph a scenario hits: every process and asset that stops or runs
 * degraded, in the DOSA layers, shaped and marked by state (✕ stopped, ! degraded) and with a
 * heavy border for what was cut off directly. The same nodes are listed as text underneath.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useT, type Messages } from '../i18n';
import { GraphCanvas, type CanvasNode } from './graph-canvas';
import { GraphDetail } from './graph-detail';
import { useBandLabels } from './graph-labels';
import { GraphLegend } from './graph-legend';
import { GraphList } from './graph-list';
import { adjacency, bandOf, type GraphDocument } from './graph-model';
import { StateBadge, STATE_LOOK, useDuration, useStateLabel } from './scenario-state';
import type { NodeState, ScenarioResult } from './scenario-types';
import { Heading, Paragraph } from './ui';

const messages: Messages<
  | 'title'
  | 'canvas'
  | 'legend'
  | 'cut'
  | 'list'
  | 'caption'
  | 'state'
  | 'restore'
  | 'reasons'
  | 'cause'
  | 'pick'
  | 'empty'
> = {
  nl: {
    title: 'Op de grafiek',
    canvas:
      'Grafiek van de {nodes} geraakte processen en bedrijfsmiddelen en hun {edges} verbindingen. Dezelfde gegevens staan in de lijst onder de grafiek.',
    legend: 'Vorm en teken: de toestand',
    cut: 'dikke rand: direct afgesneden',
    list: 'De geraakte knooppunten als lijst',
    caption: 'Geraakte processen en bedrijfsmiddelen:',
    state: 'Toestand',
    restore: 'Hersteltijd',
    reasons: 'Afgesneden omdat',
    cause: 'Valt uit door',
    pick: 'Kies een knooppunt in de grafiek of de lijst voor de details.',
    empty: 'Er valt niets uit: de grafiek is leeg.',
  },
  en: {
    title: 'On the graph',
    canvas:
      'Graph of the {nodes} processes and assets hit and their {edges} connections. The list below the graph holds the same data.',
    legend: 'Shape and sign: the state',
    cut: 'heavy border: cut off directly',
    list: 'The nodes hit as a list',
    caption: 'Processes and assets hit:',
    state: 'State',
    restore: 'Time to restore',
    reasons: 'Cut off because',
    cause: 'Fails because of',
    pick: 'Choose a node in the graph or the list for its details.',
    empty: 'Nothing fails: the graph is empty.',
  },
};

export function ScenarioGraph({ result, doc }: { result: ScenarioResult; doc: GraphDocument }) {
  const t = useT(messages);
  const stateLabel = useStateLabel();
  const duration = useDuration();
  const bandLabels = useBandLabels();
  const [selected, setSelected] = useState<string | undefined>();
  const [focusPanel, setFocusPanel] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusPanel) heading.current?.focus();
  }, [focusPanel]);

  const { nodes, edges, states, cut, names } = useMemo(() => {
    const states = new Map<string, { state: NodeState; restore?: number | null; cause?: string }>();
    for (const p of result.processes)
      if (p.state !== 'running')
        states.set(`process:${p.processId}`, {
          state: p.state,
          ...(p.restoreHours !== undefined ? { restore: p.restoreHours } : {}),
        });
    for (const a of result.assets)
      states.set(`asset:${a.assetId}`, {
        state: a.state,
        ...(a.restoreHours !== undefined ? { restore: a.restoreHours } : {}),
        ...(a.cause ? { cause: a.cause } : {}),
      });
    const cut = new Map(result.cutOff.map((c) => [`asset:${c.assetId}`, c]));
    const nodes = doc.nodes.filter((n) => states.has(n.ref));
    const edges = doc.edges.filter((e) => states.has(e.from) && states.has(e.to));
    return { nodes, edges, states, cut, names: new Map(doc.nodes.map((n) => [n.ref, n.name])) };
  }, [result, doc]);

  const canvasNodes: CanvasNode[] = useMemo(
    () =>
      nodes.map((n) => {
        const look = STATE_LOOK[states.get(n.ref)!.state];
        return {
          ref: n.ref,
          name: n.name,
          label: `${look.symbol} ${n.name}`,
          band: bandOf(n),
          colour: look.colour,
          shape: look.shape,
          ...(cut.has(n.ref) ? { emphasis: true } : {}),
        };
      }),
    [nodes, states, cut],
  );
  const adj = useMemo(() => adjacency(edges), [edges]);
  const node = selected ? nodes.find((n) => n.ref === selected) : undefined;
  const info = node ? states.get(node.ref) : undefined;

  if (!nodes.length) return <Paragraph>{t('empty')}</Paragraph>;
  return (
    <section aria-labelledby="scenario-graph-heading">
      <Heading level={3} id="scenario-graph-heading">
        {t('title')}
      </Heading>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1.5rem', alignItems: 'flex-start' }}>
        <div style={{ flex: '3 1 32rem', minWidth: 0 }}>
          <GraphCanvas
            nodes={canvasNodes}
            edges={edges}
            selected={selected}
            onSelect={setSelected}
            label={t('canvas', { nodes: nodes.length, edges: edges.length })}
            bandLabels={bandLabels}
            height={480}
          />
          <GraphLegend
            title={t('legend')}
            items={[
              ...(['stopped', 'degraded'] as NodeState[]).map((s) => ({
                key: s,
                shape: STATE_LOOK[s].shape,
                colour: STATE_LOOK[s].colour,
                label: `${STATE_LOOK[s].symbol} ${stateLabel(s)}`,
              })),
              {
                key: 'cut',
                shape: STATE_LOOK.stopped.shape,
                colour: STATE_LOOK.stopped.colour,
                emphasis: true,
                label: t('cut'),
              },
            ]}
          />
        </div>
        <div style={{ flex: '1 1 16rem', minWidth: 0 }}>
          {node && info ? (
            <GraphDetail
              ref={heading}
              level={4}
              node={node}
              names={names}
              dependsOn={adj.down.get(node.ref) ?? []}
              usedBy={adj.up.get(node.ref) ?? []}
              onSelect={(ref) => {
                setSelected(ref);
                setFocusPanel((n) => n + 1);
              }}
              onClose={() => setSelected(undefined)}
              facts={[
                { key: 'state', label: t('state'), value: <StateBadge state={info.state} /> },
                { key: 'restore', label: t('restore'), value: duration(info.restore) },
                ...(cut.has(node.ref)
                  ? [{ key: 'reasons', label: t('reasons'), value: cut.get(node.ref)!.reasons.join('; ') }]
                  : []),
                ...(info.cause
                  ? [{ key: 'cause', label: t('cause'), value: names.get(`asset:${info.cause}`) ?? info.cause }]
                  : []),
              ]}
            />
          ) : (
            <Paragraph>{t('pick')}</Paragraph>
          )}
        </div>
      </div>
      <details>
        <summary className="utrecht-paragraph">{t('list')}</summary>
        <GraphList
          caption={`${t('caption')} ${nodes.length}`}
          nodes={nodes}
          edges={edges}
          names={names}
          selected={selected}
          onSelect={(ref) => {
            setSelected(ref);
            setFocusPanel((n) => n + 1);
          }}
          statusLabel={t('state')}
          status={(n) => <StateBadge state={states.get(n.ref)!.state} />}
        />
      </details>
    </section>
  );
}

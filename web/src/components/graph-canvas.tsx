/**
 * The dependency graph drawn by Cytoscape in horizontal bands (processes on top, raw materials and
 * parties at the bottom). React only hands over the elements when the selection changes; panning,
 * zooming and drawing stay inside Cytoscape, which renders a texture while the view moves and
 * drops labels that would be too small to read, so a few thousand nodes stay fluid. The band names
 * stand at the left edge in plain HTML, moved along with the view by a Cytoscape event (no React
 * render per frame), so they keep a readable size at every zoom.
 *
 * The canvas is a picture for sighted mouse users: it is not focusable (no keyboard trap), carries
 * an aria-label, and the page shows the same nodes as a list (graph-list.tsx).
 */
import cytoscape from 'cytoscape';
import { useEffect, useMemo, useRef } from 'react';
import { useT, type Messages } from '../i18n';
import { layeredPositions, type Band } from './graph-model';
import { Button } from './ui';

export type NodeShape = 'ellipse' | 'triangle' | 'diamond' | 'rectangle' | 'round-rectangle' | 'octagon';

export interface CanvasNode {
  ref: string;
  /** The label drawn next to the node (should carry the level or state as a symbol or word). */
  label: string;
  /** The name, for ordering within a band. */
  name: string;
  band: Band;
  colour: string;
  shape: NodeShape;
  /** Drawn with a heavy double border (e.g. cut off directly in a scenario). */
  emphasis?: boolean;
}

export interface CanvasEdge {
  from: string;
  to: string;
  relation: string;
  implied?: boolean;
}

/** Labels are cut here rather than by Cytoscape's text-wrap, which measures text per label and is slow. */
const short = (label: string) => (label.length > 30 ? `${label.slice(0, 29)}…` : label);

/** Above this many elements the edges hide while the view moves and edges are drawn cheaply. */
const LARGE = 1500;

const messages: Messages<'zoomIn' | 'zoomOut' | 'fit' | 'controls'> = {
  nl: { zoomIn: 'Inzoomen', zoomOut: 'Uitzoomen', fit: 'Alles in beeld', controls: 'Weergave van de grafiek' },
  en: { zoomIn: 'Zoom in', zoomOut: 'Zoom out', fit: 'Fit to view', controls: 'Graph view' },
};

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node[colour]',
    style: {
      'background-color': 'data(colour)',
      shape: 'data(shape)' as unknown as cytoscape.Css.NodeShape,
      label: 'data(label)',
      width: 26,
      height: 26,
      'font-size': 12,
      color: '#1a1a1a',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      // Labels smaller than this on screen are not drawn: the zoomed-out view stays fast and clean.
      'min-zoomed-font-size': 8,
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  { selector: 'node.emphasis', style: { 'border-width': 5, 'border-color': '#1a1a1a', 'border-style': 'double' } },
  {
    selector: 'node:selected',
    style: { 'border-width': 5, 'border-color': '#1a4d8f', 'border-style': 'solid', 'font-weight': 'bold' },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#8a8a8a',
      'target-arrow-color': '#8a8a8a',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'straight',
    },
  },
  { selector: 'edge.implied', style: { 'line-style': 'dashed' } },
  { selector: 'edge.cheap', style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none' } },
  { selector: '.dim', style: { opacity: 0.15 } },
];

type Layout = ReturnType<typeof layeredPositions>;
interface Extent {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

function extentOf({ positions }: Layout): Extent {
  let minX = 0;
  let maxX = 0;
  let maxY = 0;
  for (const p of positions.values()) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  // Room for the node labels, which hang below and beside the outer nodes.
  return { x1: minX - 90, x2: maxX + 90, y1: -40, y2: maxY + 40 };
}

function elementsOf(
  nodes: readonly CanvasNode[],
  edges: readonly CanvasEdge[],
  { positions }: Layout,
  large: boolean,
): cytoscape.ElementDefinition[] {
  const out: cytoscape.ElementDefinition[] = [];
  for (const n of nodes)
    out.push({
      group: 'nodes',
      data: { id: n.ref, label: short(n.label), colour: n.colour, shape: n.shape },
      position: positions.get(n.ref)!,
      ...(n.emphasis ? { classes: 'emphasis' } : {}),
    });
  edges.forEach((e, i) =>
    out.push({
      group: 'edges',
      data: { id: `e${i}`, source: e.from, target: e.to, relation: e.relation },
      classes: [e.implied ? 'implied' : '', large ? 'cheap' : ''].join(' ').trim(),
    }),
  );
  return out;
}

/** Screen space kept free at the left for the band names. */
const BAND_GUTTER = 190;

/**
 * Fits the view to the drawing's known extent. Cytoscape's own fit() measures every label's text
 * to find the bounding box, which takes seconds at a few thousand nodes; the layout knows it.
 */
function fitTo(core: cytoscape.Core, box: Extent, padding = 30) {
  const w = core.width() - 2 * padding - BAND_GUTTER;
  const h = core.height() - 2 * padding;
  if (w <= 0 || h <= 0) return;
  const zoom = Math.min(
    core.maxZoom(),
    Math.max(core.minZoom(), Math.min(w / (box.x2 - box.x1), h / (box.y2 - box.y1))),
  );
  core.viewport({
    zoom,
    pan: {
      x: BAND_GUTTER + padding + (w - zoom * (box.x2 - box.x1)) / 2 - zoom * box.x1,
      y: padding + (h - zoom * (box.y2 - box.y1)) / 2 - zoom * box.y1,
    },
  });
}

export function GraphCanvas({
  nodes,
  edges,
  selected,
  onSelect,
  label,
  bandLabels,
  height = 600,
}: {
  nodes: readonly CanvasNode[];
  edges: readonly CanvasEdge[];
  selected?: string | undefined;
  onSelect: (ref: string | undefined) => void;
  /** What the picture shows, for screen readers. */
  label: string;
  bandLabels: Record<Band, string>;
  height?: number;
}) {
  const t = useT(messages);
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<cytoscape.Core | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  /** The node last tapped on the canvas: selecting it needs no panning. */
  const tapped = useRef<string | undefined>(undefined);
  const large = nodes.length + edges.length > LARGE;

  // The drawing's structure: which nodes in which band, which edges. Colours and labels change
  // without it (the risk levels arrive after the graph, the language switches), and then the
  // elements are updated in place instead of being laid out and added again.
  const structureKey = useMemo(
    () =>
      `${large}|${nodes.map((n) => `${n.ref}@${n.band}`).join(',')}|${edges.map((e) => `${e.from}>${e.to}:${e.relation}`).join(',')}`,
    [nodes, edges, large],
  );
  const layout = useMemo(
    () => layeredPositions(nodes, edges),
    // Only a new structure needs a new layout.
    [structureKey],
  );
  const extent = useMemo(() => extentOf(layout), [layout]);
  const built = useRef('');

  // One Cytoscape instance per mount (and per size class: its renderer options are fixed).
  useEffect(() => {
    const core = cytoscape({
      container: container.current,
      style: STYLE,
      layout: { name: 'preset' },
      minZoom: 0.02,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autoungrabify: true,
      selectionType: 'single',
      textureOnViewport: large,
      hideEdgesOnViewport: large,
      motionBlur: false,
      pixelRatio: large ? 1 : 'auto',
    });
    core.on('tap', 'node', (ev) => {
      const ref = (ev.target as cytoscape.NodeSingular).id();
      tapped.current = ref;
      onSelectRef.current(ref);
    });
    core.on('tap', (ev) => {
      if (ev.target === core) onSelectRef.current(undefined);
    });
    cy.current = core;
    built.current = '';
    return () => {
      core.destroy();
      cy.current = null;
    };
  }, [large]);

  useEffect(() => {
    const core = cy.current;
    if (!core) return;
    if (built.current !== structureKey) {
      core.batch(() => {
        core.elements().remove();
        core.add(elementsOf(nodes, edges, layout, large));
      });
      fitTo(core, extent);
      built.current = structureKey;
      return;
    }
    core.batch(() => {
      for (const n of nodes) {
        const ele = core.getElementById(n.ref);
        ele.data({ label: short(n.label), colour: n.colour, shape: n.shape });
        if (n.emphasis) ele.addClass('emphasis');
        else ele.removeClass('emphasis');
      }
    });
  }, [structureKey, nodes, edges, layout, extent, large]);

  // The band names follow the view's vertical pan and zoom, written straight to the DOM.
  const bandNames = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const core = cy.current;
    const box = bandNames.current;
    if (!core || !box) return;
    const place = () => {
      const { y: panY } = core.pan();
      const zoom = core.zoom();
      for (const el of Array.from(box.children) as HTMLElement[]) {
        const row = layout.bandRows.get(el.dataset.band as Band);
        if (!row) continue;
        const y = ((row.top + row.bottom) / 2) * zoom + panY;
        el.style.transform = `translateY(${Math.round(y)}px) translateY(-50%)`;
        el.style.visibility = y < 0 || y > core.height() ? 'hidden' : 'visible';
      }
    };
    place();
    core.on('viewport resize', place);
    return () => {
      core.off('viewport resize', place);
    };
  }, [layout, large]);

  useEffect(() => {
    const core = cy.current;
    if (!core) return;
    core.batch(() => {
      core.elements().unselect().removeClass('dim');
      if (!selected) return;
      const node = core.getElementById(selected);
      if (node.empty()) return;
      node.select();
      // Everything not touching the selection fades, so its connections stand out.
      const near = node.closedNeighborhood();
      core.elements().not(near).addClass('dim');
    });
    if (selected && selected !== tapped.current) {
      const node = core.getElementById(selected);
      if (node.nonempty())
        core.animate({ center: { eles: node }, zoom: Math.max(core.zoom(), 0.9) }, { duration: 250 });
    }
    tapped.current = undefined;
  }, [selected, structureKey]);

  const zoomBy = (factor: number) => {
    const core = cy.current;
    if (!core) return;
    core.zoom({
      level: core.zoom() * factor,
      renderedPosition: { x: core.width() / 2, y: core.height() / 2 },
    });
  };

  return (
    <div>
      <div className="stapel-toolbar" role="group" aria-label={t('controls')} style={{ marginBlock: '0.5rem' }}>
        <Button onClick={() => zoomBy(1.4)}>{t('zoomIn')}</Button>
        <Button onClick={() => zoomBy(1 / 1.4)}>{t('zoomOut')}</Button>
        <Button onClick={() => cy.current && fitTo(cy.current, extent)}>{t('fit')}</Button>
      </div>
      <div style={{ position: 'relative' }}>
        <div
          ref={container}
          role="img"
          aria-label={label}
          style={{ height, width: '100%', border: '1px solid #8a8a8a', background: '#fafafa' }}
        />
        {/* Decorative: the list gives every node's layer. */}
        <div
          ref={bandNames}
          aria-hidden="true"
          style={{ position: 'absolute', inset: 0, pointerEvents: 'none', overflow: 'hidden' }}
        >
          {[...layout.bandRows.keys()].map((band) => (
            <div
              key={band}
              data-band={band}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: BAND_GUTTER - 16,
                padding: '0.15rem 0.5rem',
                fontFamily: 'var(--utrecht-document-font-family, sans-serif)',
                fontWeight: 700,
                fontSize: '0.95rem',
                lineHeight: 1.2,
                color: '#1a1a1a',
                background: 'rgba(250, 250, 250, 0.92)',
                borderInlineEnd: '3px solid #8a8a8a',
              }}
            >
              {bandLabels[band]}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

/**
 * The key to the graph's shapes and colours, drawn with the same shapes as the canvas and named
 * in words (so the legend itself does not depend on colour either).
 */
import type { ReactNode } from 'react';
import type { NodeShape } from './graph-canvas';

const POINTS: Partial<Record<NodeShape, string>> = {
  triangle: '8,1 15,15 1,15',
  diamond: '8,0 16,8 8,16 0,8',
  octagon: '5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5',
};

/** A node shape as a small inline picture (decorative: the text next to it says the same). */
export function ShapeIcon({ shape, colour, emphasis }: { shape: NodeShape; colour: string; emphasis?: boolean }) {
  const stroke = emphasis ? { stroke: '#1a1a1a', strokeWidth: 2.5 } : {};
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" style={{ flex: 'none' }}>
      {shape === 'ellipse' ? (
        <circle cx="8" cy="8" r="7" fill={colour} {...stroke} />
      ) : shape === 'rectangle' ? (
        <rect x="1" y="1" width="14" height="14" fill={colour} {...stroke} />
      ) : shape === 'round-rectangle' ? (
        <rect x="1" y="1" width="14" height="14" rx="4" fill={colour} {...stroke} />
      ) : (
        <polygon points={POINTS[shape]} fill={colour} {...stroke} />
      )}
    </svg>
  );
}

export function GraphLegend({
  title,
  items,
  notes = [],
}: {
  title: string;
  items: { key: string; shape: NodeShape; colour: string; label: ReactNode; emphasis?: boolean }[];
  notes?: ReactNode[];
}) {
  return (
    <div>
      <p className="utrecht-paragraph" style={{ fontWeight: 700, marginBlockEnd: '0.25rem' }}>
        {title}
      </p>
      <ul
        className="utrecht-unordered-list"
        style={{ listStyle: 'none', paddingInlineStart: 0, display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1.25rem' }}
      >
        {items.map((i) => (
          <li key={i.key} style={{ display: 'flex', alignItems: 'center', gap: '0.4rem' }}>
            <ShapeIcon shape={i.shape} colour={i.colour} {...(i.emphasis ? { emphasis: true } : {})} />
            {i.label}
          </li>
        ))}
      </ul>
      {notes.map((n, i) => (
        <p key={i} className="utrecht-paragraph" style={{ marginBlock: '0.25rem' }}>
          {n}
        </p>
      ))}
    </div>
  );
}

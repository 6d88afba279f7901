/**
 * Following relationships through ArchiMate junctions. A junction joins relationships of one type
 * (ArchiMate 3.1, section 5.5.1): "A serves J, J serves C" says that A serves C. An And-junction
 * joins them all; an Or-junction says one of them holds — the alternatives Stapel records as a
 * redundancy group. Junctions may be chained; a chain whose relationships change type joins nothing.
 *
 * This module only walks the model: which element reaches which through which relationships and
 * junctions. Whether a path becomes a dependency is the importer's call, as for a plain relationship.
 */

export interface RelationshipEnds {
  identifier: string;
  type: string;
  source: string;
  target: string;
}

/** A path from an element through one or more junctions to an element, all of one relationship type. */
export interface JunctionPath {
  type: string;
  source: string;
  target: string;
  /** The relationships on the path, from source to target. */
  relationships: string[];
  /** The junctions on the path, in order. */
  junctions: string[];
}

export interface JunctionWalk {
  paths: JunctionPath[];
  /**
   * Relationships at a junction that are on no path, with why: the junction joins them to nothing
   * on its other side, or only to relationships of another type.
   */
  stranded: { relationship: RelationshipEnds; reason: 'dead-end' | 'type-change' }[];
}

/**
 * Every path from an element through junctions to an element, for the relationships given (those
 * of a type that can become a dependency). `isJunction` tells junctions from other concepts.
 */
export function walkJunctions(
  relationships: readonly RelationshipEnds[],
  isJunction: (identifier: string) => boolean,
): JunctionWalk {
  const leaving = new Map<string, RelationshipEnds[]>();
  for (const r of relationships) if (isJunction(r.source)) leaving.set(r.source, [...(leaving.get(r.source) ?? []), r]);

  const paths: JunctionPath[] = [];
  const onPath = new Set<string>();
  const typeChange = new Set<string>();

  const walk = (entry: RelationshipEnds, junction: string, via: RelationshipEnds[], junctions: string[]) => {
    for (const next of leaving.get(junction) ?? []) {
      // A cycle of junctions leads back to where it has been: nothing new on that way.
      if (via.includes(next)) continue;
      if (next.type !== entry.type) {
        for (const r of [...via, next]) typeChange.add(r.identifier);
        continue;
      }
      if (isJunction(next.target)) {
        walk(entry, next.target, [...via, next], [...junctions, next.target]);
        continue;
      }
      const relationships = [...via, next];
      for (const r of relationships) onPath.add(r.identifier);
      paths.push({
        type: entry.type,
        source: entry.source,
        target: next.target,
        relationships: relationships.map((r) => r.identifier),
        junctions,
      });
    }
  };
  for (const r of relationships) if (!isJunction(r.source) && isJunction(r.target)) walk(r, r.target, [r], [r.target]);

  const stranded = relationships
    .filter((r) => (isJunction(r.source) || isJunction(r.target)) && !onPath.has(r.identifier))
    .map((relationship) => ({
      relationship,
      reason: typeChange.has(relationship.identifier) ? ('type-change' as const) : ('dead-end' as const),
    }));
  return { paths, stranded };
}

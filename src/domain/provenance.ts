/**
 * Provenance: where a record (or one of its fields) came from and when. Every record carries one;
 * importers say which file, the knowledge base says which rule, people say nothing and get
 * "entered".
 */
import { z } from 'zod';
import { PROVENANCE_METHODS } from './enums.js';

export const provenanceEntrySchema = z.object({
  method: z.enum(PROVENANCE_METHODS),
  /** File name, URL, knowledge-base rule or user that supplied the fact. */
  source: z.string().max(500).optional(),
  /** Knowledge-base rule id, for inferred facts. */
  rule: z.string().max(200).optional(),
  at: z.iso.datetime({ offset: true }),
});
export type ProvenanceEntry = z.infer<typeof provenanceEntrySchema>;

export const provenanceSchema = provenanceEntrySchema.extend({
  /** Per-field provenance where a field's origin differs from the record's. */
  fields: z.record(z.string(), provenanceEntrySchema).optional(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export function entered(at: Date = new Date(), source?: string): Provenance {
  return source ? { method: 'entered', source, at: at.toISOString() } : { method: 'entered', at: at.toISOString() };
}

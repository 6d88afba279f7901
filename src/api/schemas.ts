/**
 * Schemas of the HTTP surface that are not domain concepts: path and query parameters, pages,
 * error bodies. Registered in zod's registry so the OpenAPI document names them.
 */
import { z } from 'zod';
import { idSchema, layerSchema, prioritySchema } from '../domain/index.js';

export const orgParams = z.object({ org: idSchema.describe('Organisation id') });
export const recordParams = orgParams.extend({ id: idSchema.describe('Record id') });

export const listQuery = z.object({
  layer: layerSchema.optional().describe('Only records on this stack layer'),
  priority: prioritySchema.optional().describe('Only records with this DOSA policy priority'),
  type: z.string().max(100).optional().describe('Only records of this type (asset type, party kind, relation, …)'),
  q: z.string().max(200).optional().describe('Text in the name or description'),
  cursor: z.string().max(1000).optional().describe('The nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const revisionQuery = z.object({
  revision: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('The revision the change is based on (or send If-Match)'),
});

export const errorSchema = z
  .object({
    statusCode: z.number().int(),
    error: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'Error' });

export const errorResponses = {
  400: errorSchema,
  404: errorSchema,
  409: errorSchema,
} as const;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().optional() });
}

/**
 * Health and the vocabularies (layers, priorities, …) with their Dutch and English labels.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ASSET_TYPE_LABELS,
  DATA_SENSITIVITY_LABELS,
  DEPENDENCY_RELATION_LABELS,
  LAYER_LABELS,
  LAYERS,
  PRIORITY_LABELS,
  PRIORITIES,
  PUBLIC_INTEREST_LABELS,
  SPECIFIC_PRIORITIES,
  layerNumber,
} from '../../domain/index.js';
import type { Store } from '../../store/database.js';

const label = z.object({ nl: z.string(), en: z.string() });
const entries = <T extends string>(labels: Record<T, { nl: string; en: string }>) =>
  Object.entries(labels).map(([code, l]) => ({ code, ...(l as { nl: string; en: string }) }));

export function metaRoutes(app: FastifyInstance, store: Store, version: string): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/health', {
    schema: {
      tags: ['meta'],
      summary: 'Liveness and store',
      response: {
        200: z.object({ status: z.literal('ok'), version: z.string(), store: z.enum(['pglite', 'postgres']) }),
      },
    },
    handler: async () => {
      await store.db.execute('select 1');
      return { status: 'ok' as const, version, store: store.dialect };
    },
  });
  const entry = label.extend({ code: z.string() });
  r.get('/api/vocabularies', {
    schema: {
      tags: ['meta'],
      summary: 'Stack layers, policy priorities and other closed lists, with labels',
      response: {
        200: z.object({
          layers: z.array(entry.extend({ number: z.number().int() })),
          priorities: z.array(entry.extend({ crossCutting: z.boolean() })),
          publicInterests: z.array(entry),
          assetTypes: z.array(entry),
          dataSensitivities: z.array(entry),
          relations: z.array(entry),
        }),
      },
    },
    handler: async () => ({
      layers: LAYERS.map((l) => ({ code: l, number: layerNumber(l), ...LAYER_LABELS[l] })),
      priorities: PRIORITIES.map((p) => ({
        code: p,
        crossCutting: !(SPECIFIC_PRIORITIES as readonly string[]).includes(p),
        ...PRIORITY_LABELS[p],
      })),
      publicInterests: entries(PUBLIC_INTEREST_LABELS),
      assetTypes: entries(ASSET_TYPE_LABELS),
      dataSensitivities: entries(DATA_SENSITIVITY_LABELS),
      relations: entries(DEPENDENCY_RELATION_LABELS),
    }),
  });
}

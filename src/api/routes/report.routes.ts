/**
 * The board report over HTTP: `GET /api/orgs/{org}/report?format=html|pdf|md|xlsx&lang=nl|en&since=`,
 * as a download (PDF, XLSX, Markdown) or a page (HTML).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REPORT_FORMATS, type ReportService } from '../../services/report.service.js';
import { errorResponses, orgParams } from '../schemas.js';

const TYPES: Record<(typeof REPORT_FORMATS)[number], string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function reportRoutes(app: FastifyInstance, reports: ReportService): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/orgs/:org/report', {
    schema: {
      tags: ['report'],
      summary:
        'The digital-autonomy report for the board (html, pdf, md) or the register with risks and findings (xlsx)',
      params: orgParams,
      querystring: z.strictObject({
        format: z.enum(REPORT_FORMATS).default('html'),
        lang: z.enum(['nl', 'en']).default('nl'),
        since: z.string().max(100).optional(),
      }),
      response: errorResponses,
    },
    handler: async (req, reply) => {
      const { format, lang, since } = req.query;
      const out = await reports.render(req.params.org, { format, lang, ...(since ? { since } : {}) });
      reply.type(TYPES[format]);
      if (format !== 'html')
        reply.header('content-disposition', `attachment; filename="${req.params.org}-${lang}.${format}"`);
      return reply.send(out as never) as never;
    },
  });
}

/**
 * Registers in and out over HTTP: an import (CSV, XLSX, ArchiMate, DORA package) sent as the raw
 * file, planned (dry run) or committed; the spreadsheet templates and the register as spreadsheets;
 * the DORA register of information with its pre-flight checks and gap report.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { kindByName, type KindKey } from '../../domain/index.js';
import { DEFAULT_MAX_BYTES } from '../../ingest/json-text.js';
import { IMPORT_FORMATS } from '../../ingest/register-import.js';
import type { DoraService } from '../../services/dora.service.js';
import type { ImportService } from '../../services/import.service.js';
import { SpreadsheetService } from '../../services/spreadsheet.service.js';
import { actorOf } from '../request-context.js';
import { errorResponses, orgParams } from '../schemas.js';

/** Upload limit of one register file (the JSON reader's limit; spreadsheets and models are far smaller). */
export const REGISTER_FILE_LIMIT = DEFAULT_MAX_BYTES;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const lang = z.enum(['nl', 'en']).default('nl');
const kindParam = z
  .string()
  .max(50)
  .refine((k) => kindByName(k) !== undefined, 'not a kind of record')
  .transform((k) => kindByName(k) as KindKey);

const plan = z
  .looseObject({
    format: z.string(),
    source: z.string(),
    committed: z.boolean(),
    counts: z.looseObject({ create: z.number(), update: z.number(), unchanged: z.number(), reject: z.number() }),
    rows: z.array(z.unknown()),
    unmapped: z.array(z.unknown()),
    notes: z.array(z.string()),
    organisation: z.array(z.unknown()),
    blocking: z.array(z.string()),
  })
  .meta({
    id: 'ImportPlan',
    description:
      'Per row of the file: where it is, the record, and whether it is created, changed (with the fields), unchanged or rejected (with the reasons); references resolved, knowledge-base matches with their confidence; what the file holds that has no place in the register',
  });
const doraCheck = z
  .looseObject({ gap: z.unknown(), issues: z.array(z.unknown()) })
  .meta({ id: 'DoraCheck', description: 'Pre-flight findings and the gap report of the DORA register of information' });
const doraQuery = z.strictObject({
  refDate: z.iso.date().optional(),
  consolidation: z.enum(['CON', 'IND']).default('CON'),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});

/** Which spreadsheet: the XLSX workbook, or one kind as CSV; headers in Dutch or English. */
const sheetQuery = z.strictObject({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  kind: kindParam.optional(),
  lang,
});

/** A download: the content type and the file name the browser saves it under. */
function download(reply: FastifyReply, type: string, filename: string, data: string | Buffer): never {
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(data as never) as never;
}
const CSV = 'text/csv; charset=utf-8';

/** The DORA export options as the service takes them, from the query. */
const doraOptions = (q: { refDate?: string; consolidation: 'CON' | 'IND'; country?: string }) => ({
  ...(q.refDate ? { refPeriod: q.refDate } : {}),
  consolidation: q.consolidation,
  ...(q.country ? { country: q.country } : {}),
});

export function importRoutes(app: FastifyInstance, imports: ImportService, dora: DoraService): void {
  void app.register(async (child) => {
    // The body is the file itself, in whatever type the client names: the importer reads the bytes.
    child.removeAllContentTypeParsers();
    child.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: REGISTER_FILE_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
    child.withTypeProvider<ZodTypeProvider>().post('/api/orgs/:org/imports', {
      bodyLimit: REGISTER_FILE_LIMIT,
      schema: {
        tags: ['import'],
        summary: 'Import a register file (CSV, XLSX, ArchiMate exchange format, DORA package): dry run or commit',
        description:
          'The body is the file. `?name=` names it (messages, provenance, and the format when `format` is left out). `dryRun=true` (the default) answers the plan and writes nothing; `dryRun=false` writes all rows in one transaction, or — when any row is rejected — nothing, with 400 and the plan in `details.plan`.',
        params: orgParams,
        querystring: z.strictObject({
          name: z.string().min(1).max(300).default('upload'),
          format: z.enum(IMPORT_FORMATS as [string, ...string[]]).optional(),
          kind: kindParam.optional(),
          dryRun: z
            .enum(['true', 'false'])
            .default('true')
            .transform((v) => v === 'true'),
          lenient: z
            .enum(['true', 'false'])
            .default('false')
            .transform((v) => v === 'true')
            .describe('take in what can be mapped from a DORA package whose templates refer to each other wrongly'),
        }),
        response: { 200: plan, ...errorResponses },
      },
      handler: async (req) => {
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const { name, format, kind, dryRun, lenient } = req.query;
        const options = { name, lenient, ...(format ? { format: format as never } : {}), ...(kind ? { kind } : {}) };
        const report = dryRun
          ? await imports.plan(req.params.org, bytes, options)
          : await imports.commit(req.params.org, bytes, { ...options, actor: actorOf(req) });
        return report as unknown as z.infer<typeof plan>;
      },
    });
  });

  app.withTypeProvider<ZodTypeProvider>().get('/api/templates', {
    schema: {
      tags: ['import'],
      summary: 'The empty spreadsheet template: XLSX with a sheet per kind and a help sheet, or one kind as CSV',
      querystring: sheetQuery,
      response: errorResponses,
    },
    handler: async (req, reply) => {
      const { format, kind, lang: l } = req.query;
      return format === 'csv'
        ? download(reply, CSV, `stapel-${kind}-${l}.csv`, SpreadsheetService.templateCsv(kind, l))
        : download(reply, XLSX, `stapel-template-${l}.xlsx`, await SpreadsheetService.templateXlsx(l));
    },
  });

  app.withTypeProvider<ZodTypeProvider>().get('/api/orgs/:org/exports/register', {
    schema: {
      tags: ['import'],
      summary: "The organisation's register in the template's layout: XLSX, or one kind as CSV",
      params: orgParams,
      querystring: sheetQuery,
      response: errorResponses,
    },
    handler: async (req, reply) => {
      const { format, kind, lang: l } = req.query;
      const sheets = new SpreadsheetService(imports.store);
      return format === 'csv'
        ? download(reply, CSV, `${req.params.org}-${kind}.csv`, await sheets.csv(req.params.org, kind, l))
        : download(reply, XLSX, `${req.params.org}-register.xlsx`, await sheets.xlsx(req.params.org, l));
    },
  });

  app.withTypeProvider<ZodTypeProvider>().get('/api/orgs/:org/exports/dora/check', {
    schema: {
      tags: ['import'],
      summary:
        'Pre-flight checks of the DORA register of information and the gap report (which missing fields block filing)',
      params: orgParams,
      querystring: doraQuery,
      response: { 200: doraCheck, ...errorResponses },
    },
    handler: async (req) => {
      const check = await dora.check(req.params.org, doraOptions(req.query));
      return { gap: check.gap, issues: check.issues } as z.infer<typeof doraCheck>;
    },
  });

  app.withTypeProvider<ZodTypeProvider>().get('/api/orgs/:org/exports/dora', {
    schema: {
      tags: ['import'],
      summary: 'The DORA register of information as the EBA xBRL-CSV report package (ZIP)',
      description:
        'Refused (400, with the gap report in `details.gap`) while the pre-flight checks find problems that block filing, unless `draft=true`.',
      params: orgParams,
      querystring: doraQuery.extend({
        draft: z
          .enum(['true', 'false'])
          .default('false')
          .transform((v) => v === 'true'),
      }),
      response: errorResponses,
    },
    handler: async (req, reply) => {
      const { name, bytes } = await dora.export(req.params.org, { ...doraOptions(req.query), draft: req.query.draft });
      return download(reply, 'application/zip', `${name}.zip`, bytes);
    },
  });
}

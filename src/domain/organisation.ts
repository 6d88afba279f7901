/**
 * The organisation: the tenant every record belongs to.
 */
import { z } from 'zod';
import { ORGANISATION_KINDS } from './enums.js';
import { countryCodeSchema, kvkSchema, leiSchema } from './identifiers.js';
import { idSchema } from './ids.js';
import { provenanceSchema } from './provenance.js';
import { envelopeSchema } from './kinds.js';

export const organisationSpec = z.strictObject({
  name: z.string().trim().min(1, 'a name is required').max(300),
  kind: z.enum(ORGANISATION_KINDS).default('other'),
  country: countryCodeSchema.default('NL'),
  sector: z.string().max(200).optional(),
  identifiers: z
    .strictObject({
      lei: leiSchema.optional(),
      kvk: kvkSchema.optional(),
      /** Dutch government organisation identification number (OIN), 20 digits. */
      oin: z
        .string()
        .regex(/^[0-9]{20}$/, 'an OIN has 20 digits')
        .optional(),
    })
    .default({}),
  description: z.string().max(10_000).optional(),
});
export const organisationCreateSchema = organisationSpec.safeExtend({
  id: idSchema,
  provenance: provenanceSchema.optional(),
});
export const organisationUpdateSchema = organisationSpec.safeExtend({
  revision: z.number().int().positive().optional(),
});
export const organisationRecordSchema = organisationSpec.safeExtend(envelopeSchema.shape);
export type OrganisationRecord = z.output<typeof organisationRecordSchema>;
export type OrganisationInput = z.input<typeof organisationCreateSchema>;

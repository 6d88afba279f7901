/**
 * The register as spreadsheets in the import template's layout — so a register written out and read
 * back in changes nothing — and the empty templates people fill in.
 */
import { InputError, KINDS, type KindKey, type RecordOf } from '../domain/index.js';
import { TEMPLATE_KINDS, templateCsv, writeCsv, writeXlsx, type TemplateKind } from '../ingest/tabular/index.js';
import type { Store } from '../store/database.js';
import { allRecords } from '../store/record.repository.js';
import { RegisterService } from './register.service.js';

export type SheetLang = 'nl' | 'en';

export function templateKind(kind: KindKey | undefined): TemplateKind {
  if (kind && (TEMPLATE_KINDS as readonly string[]).includes(kind)) return kind as TemplateKind;
  throw new InputError(
    `a CSV holds one kind of record: name one of ${TEMPLATE_KINDS.map((k) => KINDS[k].kind).join(', ')}`,
    [{ path: ['kind'], message: kind ? `no spreadsheet template for ${KINDS[kind].kind}` : 'required for CSV' }],
  );
}

export class SpreadsheetService {
  constructor(readonly store: Store) {}

  private async records(orgId: string): Promise<{ [K in TemplateKind]: RecordOf<K>[] }> {
    await new RegisterService(this.store).getOrganisation(orgId);
    const out = {} as Record<TemplateKind, unknown[]>;
    for (const key of TEMPLATE_KINDS) out[key] = await allRecords(this.store.db, key, orgId);
    return out as { [K in TemplateKind]: RecordOf<K>[] };
  }

  async csv(orgId: string, kind: KindKey | undefined, lang: SheetLang): Promise<string> {
    const key = templateKind(kind);
    const records = await this.records(orgId);
    return writeCsv(key, records[key], lang);
  }

  async xlsx(orgId: string, lang: SheetLang): Promise<Buffer> {
    return writeXlsx(await this.records(orgId), lang);
  }

  static templateCsv(kind: KindKey | undefined, lang: SheetLang): string {
    return templateCsv(templateKind(kind), lang);
  }

  static templateXlsx(lang: SheetLang): Promise<Buffer> {
    return writeXlsx({}, lang);
  }
}

/**
 * The DORA register of information: check it the way a supervisor would (the pre-flight checks and
 * the gap report: per template how many cells the register fills, how many are inferred from the
 * knowledge base and how many are missing, and what blocks filing), and download it as the EBA
 * xBRL-CSV package — or as a draft while problems still block filing.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { readDoraCheck, type DoraCheck, type DoraIssue, type GapProblem } from './import-types';
import { Alert, Button, Heading, Paragraph, Table, TableBody, TableHead } from './ui';

type Key =
  | 'title'
  | 'intro'
  | 'check'
  | 'checking'
  | 'checked'
  | 'result'
  | 'ready'
  | 'notReady'
  | 'caption'
  | 'template'
  | 'rows'
  | 'filled'
  | 'inferred'
  | 'missing'
  | 'blocking'
  | 'blockingTitle'
  | 'warningsTitle'
  | 'at'
  | 'row'
  | 'noTemplates'
  | 'emptyIn'
  | 'alike'
  | 'more'
  | 'failed'
  | 'download'
  | 'package'
  | 'packageHelp'
  | 'draft';

/** Lines of other blocking findings listed (besides the empty mandatory fields, one line per column). */
const MAX_LISTED = 50;

const messages: Messages<Key> = {
  nl: {
    title: 'DORA-register van informatie',
    intro:
      'Stapel maakt uit het register het register van informatie dat financiële entiteiten onder DORA bij de toezichthouder indienen, als xBRL-CSV-pakket van de EBA. Controleer eerst wat nog ontbreekt.',
    check: 'Controleren',
    checking: 'Bezig met controleren…',
    checked: 'De controle is klaar.',
    result: 'Uitkomst van de controle',
    ready: 'Het register van informatie kan worden ingediend: geen enkel probleem blokkeert het.',
    notReady: 'Het register van informatie kan nog niet worden ingediend. Problemen die het blokkeren: {n}.',
    caption: 'Vulling per template',
    template: 'Template',
    rows: 'Rijen',
    filled: 'Gevuld',
    inferred: 'Afgeleid',
    missing: 'Ontbrekend',
    blocking: 'Blokkerend',
    blockingTitle: 'Problemen die indienen blokkeren',
    warningsTitle: 'Waarschuwingen ({n})',
    at: '{where}: {message}',
    row: 'rij {n}',
    noTemplates: 'Het register van informatie heeft nog geen templates met gegevens.',
    emptyIn: '{label}: verplicht maar leeg (aantal rijen: {n})',
    alike: '(en zo nog {n} keer)',
    more: 'En nog {n} andere blokkerende problemen; de CLI (stapel export dora --check) geeft ze allemaal.',
    failed: 'De controle is niet gelukt: {message}',
    download: 'Downloaden',
    package: 'Pakket downloaden (ZIP)',
    packageHelp:
      'Het pakket wordt alleen gemaakt als geen enkel probleem het indienen blokkeert. Een conceptpakket wordt altijd gemaakt, om elders verder aan te werken: vul aan wat ontbreekt en importeer het hierboven weer. De rijen die uit het register komen, worden dan herkend; alleen wat u hebt veranderd of aangevuld wordt overgenomen.',
    draft: 'Conceptpakket downloaden (ZIP)',
  },
  en: {
    title: 'DORA register of information',
    intro:
      'From the register Stapel builds the register of information that financial entities file with their supervisor under DORA, as the EBA’s xBRL-CSV package. Check first what is still missing.',
    check: 'Check',
    checking: 'Checking…',
    checked: 'The check is done.',
    result: 'Result of the check',
    ready: 'The register of information is ready to file: no problem blocks it.',
    notReady: 'The register of information is not ready to file. Problems that block it: {n}.',
    caption: 'Cells filled per template',
    template: 'Template',
    rows: 'Rows',
    filled: 'Filled',
    inferred: 'Inferred',
    missing: 'Missing',
    blocking: 'Blocking',
    blockingTitle: 'Problems that block filing',
    warningsTitle: 'Warnings ({n})',
    at: '{where}: {message}',
    row: 'row {n}',
    noTemplates: 'The register of information has no templates with data yet.',
    emptyIn: '{label}: mandatory but empty (rows: {n})',
    alike: '(and {n} more like it)',
    more: 'And {n} other blocking problems; the CLI (stapel export dora --check) lists them all.',
    failed: 'The check failed: {message}',
    download: 'Download',
    package: 'Download the package (ZIP)',
    packageHelp:
      'The package is only made when no problem blocks filing. A draft package is always made, to work on elsewhere: complete what is missing and import it again above. The rows that came from the register are then recognised; only what you changed or added is taken over.',
    draft: 'Download a draft package (ZIP)',
  },
};

export function DoraSection() {
  const t = useT(messages);
  const { base } = useOrg();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [check, setCheck] = useState<DoraCheck>();
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const [focus, setFocus] = useState(false);
  useEffect(() => {
    if (focus) heading.current?.focus();
    setFocus(false);
  }, [focus]);

  async function run() {
    setBusy(true);
    setStatus(t('checking'));
    setError(undefined);
    try {
      setCheck(readDoraCheck(await api<unknown>(`${base}/exports/dora/check`)));
      setStatus(t('checked'));
    } catch (e) {
      setCheck(undefined);
      setError(t('failed', { message: e instanceof Error ? e.message : String(e) }));
      setStatus('');
    } finally {
      setBusy(false);
      setFocus(true);
    }
  }

  const row = (r: number | undefined) => (r !== undefined ? t('row', { n: r + 1 }) : undefined);
  const where = (i: { template?: string; row?: number; column?: string; label?: string }) =>
    [i.label ?? [i.template, i.column].filter(Boolean).join(' '), row(i.row)].filter(Boolean).join(', ');
  const warnings = check?.issues.filter((i) => !i.blocking) ?? [];
  const issueList = (issues: DoraIssue[]) => (
    <ul className="utrecht-unordered-list">
      {issues.map((i, n) => (
        <li key={n} className="utrecht-unordered-list__item">
          {t('at', { where: where(i), message: i.message })}
        </li>
      ))}
    </ul>
  );
  // What blocks filing, readably: each mandatory field left empty once (with the number of rows it
  // is empty in), then the other blocking findings one by one, up to a limit.
  const missingFields = check?.templates.flatMap((tpl) => tpl.missingFields) ?? [];
  const grouped = new Set(
    check?.templates.flatMap((tpl) => tpl.missingFields.map((m) => `${tpl.template}|${m.column}`)) ?? [],
  );
  const others = (check?.templates.flatMap((tpl) => tpl.blocking) ?? []).filter(
    (b) => !(b.check === 'mandatory' && grouped.has(`${b.template}|${b.column}`)),
  );
  // Findings of one check in one column (a duplicate key in every row) are one line: the first, and how many alike.
  const alike = new Map<string, { first: GapProblem; count: number }>();
  for (const b of others) {
    const key = `${b.template ?? ''}|${b.column ?? ''}|${b.check ?? b.message}`;
    const seen = alike.get(key);
    if (seen) seen.count++;
    else alike.set(key, { first: b, count: 1 });
  }
  const groups = [...alike.values()];
  const shown = groups.slice(0, MAX_LISTED);
  const hidden = groups.slice(MAX_LISTED).reduce((n, g) => n + g.count, 0);

  return (
    <section aria-labelledby="import-dora" className="stapel-section">
      <Heading level={2} id="import-dora">
        {t('title')}
      </Heading>
      <Paragraph>{t('intro')}</Paragraph>
      <div className="stapel-toolbar">
        <Button onClick={() => void run()} disabled={busy}>
          {t('check')}
        </Button>
      </div>
      <p className="utrecht-paragraph" role="status" aria-live="polite">
        {status}
      </p>
      {(check || error) && (
        <>
          <h3 className="utrecht-heading-3" id="import-dora-result" tabIndex={-1} ref={heading}>
            {t('result')}
          </h3>
          {error && <Alert type="error">{error}</Alert>}
          {check && (
            <>
              <Paragraph>
                <strong>{check.readyToFile ? t('ready') : t('notReady', { n: check.blocking })}</strong>
              </Paragraph>
              {check.templates.length ? (
                <Table caption={t('caption')}>
                  <TableHead
                    cells={[t('template'), t('rows'), t('filled'), t('inferred'), t('missing'), t('blocking')]}
                  />
                  <TableBody
                    rows={check.templates.map((tpl) => ({
                      key: tpl.template,
                      cells: [tpl.template, tpl.rows, tpl.filled, tpl.inferred, tpl.missing, tpl.blocking.length],
                    }))}
                  />
                </Table>
              ) : (
                <Paragraph>{t('noTemplates')}</Paragraph>
              )}
              {check.blocking > 0 && (
                <>
                  <Heading level={4}>{t('blockingTitle')}</Heading>
                  <ul className="utrecht-unordered-list">
                    {missingFields.map((m) => (
                      <li key={m.label} className="utrecht-unordered-list__item">
                        {t('emptyIn', { label: m.label, n: Math.max(m.rows.length, 1) })}
                      </li>
                    ))}
                    {shown.map(({ first, count }, n) => (
                      <li key={n} className="utrecht-unordered-list__item">
                        {t('at', { where: where(first), message: first.message })}
                        {count > 1 && ` ${t('alike', { n: count - 1 })}`}
                      </li>
                    ))}
                  </ul>
                  {hidden > 0 && <Paragraph>{t('more', { n: hidden })}</Paragraph>}
                </>
              )}
              {warnings.length > 0 && (
                <details>
                  <summary>{t('warningsTitle', { n: warnings.length })}</summary>
                  {issueList(warnings)}
                </details>
              )}
            </>
          )}
        </>
      )}
      <Heading level={3}>{t('download')}</Heading>
      <Paragraph>{t('packageHelp')}</Paragraph>
      <ul className="utrecht-link-list utrecht-link-list--html-ul">
        <li className="utrecht-link-list__item">
          <a className="utrecht-link utrecht-link--html-a" href={`${base}/exports/dora`} download>
            {t('package')}
          </a>
        </li>
        <li className="utrecht-link-list__item">
          <a className="utrecht-link utrecht-link--html-a" href={`${base}/exports/dora?draft=true`} download>
            {t('draft')}
          </a>
        </li>
      </ul>
    </section>
  );
}

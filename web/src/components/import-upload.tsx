/**
 * Importing a register file: choose the file (and, when Stapel cannot tell, its format or the kind of
 * records a CSV holds), see the dry run's plan, and import it — offered only when no record is
 * rejected and nothing blocks. The plan belongs to the file it was made for: choosing another file
 * or format drops it. The focus moves to the plan's heading after a dry run and to the outcome after
 * an import; a status line says what is going on.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLang, useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { ImportPlanView } from './import-plan';
import { CSV_KIND_LABELS, CSV_KINDS, IMPORT_FORMATS, ImportError, sendImport, type ImportReport } from './import-types';
import { Alert, Button, Checkbox, FormField, Heading, Link, Paragraph, Select } from './ui';

type Key =
  | 'title'
  | 'intro'
  | 'file'
  | 'fileHelp'
  | 'noFile'
  | 'format'
  | 'formatHelp'
  | 'auto'
  | 'csv'
  | 'xlsx'
  | 'archimate'
  | 'dora'
  | 'kind'
  | 'kindHelp'
  | 'fromHeaders'
  | 'lenient'
  | 'lenientHelp'
  | 'dryRun'
  | 'commit'
  | 'commitHelp'
  | 'nothing'
  | 'planning'
  | 'planned'
  | 'committing'
  | 'committed'
  | 'done'
  | 'toRegister'
  | 'failed'
  | 'commitFailed';

const messages: Messages<Key> = {
  nl: {
    title: 'Bestand importeren',
    intro:
      'Importeer een register dat u elders bijhoudt: een spreadsheet volgens het sjabloon (CSV of Excel), een ArchiMate-model of een DORA-register van informatie. Eerst ziet u met een proefimport wat er zou gebeuren; pas daarna importeert u.',
    file: 'Bestand',
    fileHelp: 'CSV, Excel (.xlsx), ArchiMate (.xml) of een DORA-pakket (.zip).',
    noFile: 'Kies eerst een bestand.',
    format: 'Formaat',
    formatHelp: 'Meestal herkent Stapel het formaat aan de naam en de inhoud van het bestand.',
    auto: 'Automatisch herkennen',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    archimate: 'ArchiMate (Open Exchange-formaat)',
    dora: 'DORA-register van informatie (xBRL-CSV-pakket)',
    kind: 'Soort records (alleen CSV)',
    kindHelp: 'Alleen nodig als de kolomkoppen van een CSV-bestand niet laten zien wat voor records het zijn.',
    fromHeaders: 'Uit de kolomkoppen',
    lenient: 'Overnemen wat kan, ook bij verwijzingen die nergens naar wijzen (alleen DORA)',
    lenientHelp:
      'Een DORA-pakket waarvan de tabellen naar ontbrekende rijen verwijzen, wordt anders geweigerd. Met deze keuze worden de rijen die kloppen overgenomen; het hele pakket blijft bewaard.',
    dryRun: 'Proefimport',
    commit: 'Importeren',
    commitHelp: 'Alle records hierboven worden in één keer opgeslagen.',
    nothing: 'Er valt niets te importeren: het register bevat dit al.',
    planning: 'Bezig met de proefimport…',
    planned: 'De proefimport is klaar.',
    committing: 'Bezig met importeren…',
    committed: '{source} is geïmporteerd. Aangemaakt: {create}, bijgewerkt: {update}, ongewijzigd: {unchanged}.',
    done: 'Het importeren is klaar.',
    toRegister: 'Naar het register',
    failed: 'De proefimport is niet gelukt: {message}',
    commitFailed: 'Het importeren is niet gelukt; er is niets opgeslagen: {message}',
  },
  en: {
    title: 'Import a file',
    intro:
      'Import a register you keep elsewhere: a spreadsheet in the template’s layout (CSV or Excel), an ArchiMate model or a DORA register of information. A dry run first shows what would happen; only then do you import.',
    file: 'File',
    fileHelp: 'CSV, Excel (.xlsx), ArchiMate (.xml) or a DORA package (.zip).',
    noFile: 'Choose a file first.',
    format: 'Format',
    formatHelp: 'Stapel usually recognises the format from the file’s name and content.',
    auto: 'Recognise automatically',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    archimate: 'ArchiMate (Open Exchange format)',
    dora: 'DORA register of information (xBRL-CSV package)',
    kind: 'Kind of records (CSV only)',
    kindHelp: 'Only needed when the column headers of a CSV file do not show what kind of records it holds.',
    fromHeaders: 'From the column headers',
    lenient: 'Take in what can be mapped, also when references point at nothing (DORA only)',
    lenientHelp:
      'A DORA package whose templates refer to rows that are not there is refused otherwise. With this choice the rows that fit are taken in; the whole package is kept.',
    dryRun: 'Dry run',
    commit: 'Import',
    commitHelp: 'All records above are saved at once.',
    nothing: 'There is nothing to import: the register already holds this.',
    planning: 'Running the dry run…',
    planned: 'The dry run is done.',
    committing: 'Importing…',
    committed: '{source} has been imported. Created: {create}, updated: {update}, unchanged: {unchanged}.',
    done: 'The import is done.',
    toRegister: 'Go to the register',
    failed: 'The dry run failed: {message}',
    commitFailed: 'The import failed; nothing was saved: {message}',
  },
};

type Busy = 'planning' | 'committing' | undefined;

export function ImportUpload() {
  const t = useT(messages);
  const { lang } = useLang();
  const { base } = useOrg();
  const [file, setFile] = useState<File>();
  const [format, setFormat] = useState('');
  const [kind, setKind] = useState('');
  const [lenient, setLenient] = useState(false);
  const [missingFile, setMissingFile] = useState(false);
  const [busy, setBusy] = useState<Busy>();
  const [status, setStatus] = useState('');
  const [plan, setPlan] = useState<ImportReport>();
  const [done, setDone] = useState<ImportReport>();
  const [error, setError] = useState<{ text: string; issues: ImportError['issues'] }>();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // What to focus once the new state is on screen.
  const [focus, setFocus] = useState<'plan' | 'outcome'>();
  useEffect(() => {
    if (focus === 'plan') resultHeading.current?.focus();
    if (focus === 'outcome') outcome.current?.focus();
    setFocus(undefined);
  }, [focus]);

  /** Another file or format: the plan no longer applies. */
  const reset = () => {
    setPlan(undefined);
    setDone(undefined);
    setError(undefined);
    setStatus('');
  };

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(dryRun ? 'planning' : 'committing');
    setStatus(t(dryRun ? 'planning' : 'committing'));
    setError(undefined);
    setDone(undefined);
    try {
      const report = await sendImport(base, file, { format, kind, lenient, dryRun });
      if (dryRun) {
        setPlan(report);
        setStatus(t('planned'));
        setFocus('plan');
      } else {
        setPlan(undefined);
        setDone(report);
        setStatus(t('done'));
        setFocus('outcome');
      }
    } catch (e) {
      const err = e instanceof ImportError ? e : undefined;
      const message = e instanceof Error ? e.message : String(e);
      setError({ text: t(dryRun ? 'failed' : 'commitFailed', { message }), issues: err?.issues ?? [] });
      // A refused commit says why in a fresh plan; a failed dry run has none.
      setPlan(err?.plan);
      setStatus('');
      setFocus('outcome');
    } finally {
      setBusy(undefined);
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setMissingFile(true);
      fileInput.current?.focus();
      return;
    }
    void run(true);
  }

  const canCommit = !!plan && plan.counts.reject === 0 && plan.blocking.length === 0;
  const anythingToWrite = !!plan && (plan.counts.create > 0 || plan.counts.update > 0 || plan.organisation.length > 0);

  return (
    <>
      <section aria-labelledby="import-form" className="stapel-section">
        <Heading level={2} id="import-form">
          {t('title')}
        </Heading>
        <Paragraph>{t('intro')}</Paragraph>
        <form onSubmit={onSubmit} noValidate>
          <FormField
            id="import-file"
            label={t('file')}
            description={t('fileHelp')}
            {...(missingFile && !file ? { error: t('noFile') } : {})}
          >
            {(aria) => (
              <input
                ref={fileInput}
                type="file"
                id={aria.id}
                aria-invalid={aria['aria-invalid']}
                aria-describedby={aria['aria-describedby']}
                accept=".csv,.xlsx,.xml,.zip"
                className="stapel-file-input"
                onChange={(e) => {
                  setFile(e.target.files?.[0]);
                  setMissingFile(false);
                  reset();
                }}
              />
            )}
          </FormField>
          <FormField id="import-format" label={t('format')} description={t('formatHelp')}>
            {(aria) => (
              <Select
                {...aria}
                value={format}
                onChange={(e) => {
                  setFormat(e.target.value);
                  reset();
                }}
                options={[{ value: '', label: t('auto') }, ...IMPORT_FORMATS.map((f) => ({ value: f, label: t(f) }))]}
              />
            )}
          </FormField>
          <FormField id="import-kind" label={t('kind')} description={t('kindHelp')}>
            {(aria) => (
              <Select
                {...aria}
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value);
                  reset();
                }}
                options={[
                  { value: '', label: t('fromHeaders') },
                  ...CSV_KINDS.map((k) => ({ value: k, label: CSV_KIND_LABELS[k][lang] })),
                ]}
              />
            )}
          </FormField>
          <Checkbox
            id="import-lenient"
            label={t('lenient')}
            aria-describedby="import-lenient-help"
            checked={lenient}
            onChange={(e) => {
              setLenient(e.target.checked);
              reset();
            }}
          />
          <div className="utrecht-form-field-description" id="import-lenient-help">
            {t('lenientHelp')}
          </div>
          <div className="stapel-toolbar">
            <Button type="submit" appearance={plan ? 'secondary' : 'primary'} disabled={!!busy}>
              {t('dryRun')}
            </Button>
          </div>
        </form>
        <p className="utrecht-paragraph" role="status" aria-live="polite">
          {status}
        </p>
      </section>

      <div ref={outcome} tabIndex={-1} className="stapel-import-outcome">
        {error && (
          <Alert type="error">
            <p className="utrecht-paragraph">{error.text}</p>
            {error.issues.length > 0 && (
              <ul className="utrecht-unordered-list">
                {error.issues.map((i, n) => (
                  <li key={n} className="utrecht-unordered-list__item">
                    {i.path ? `${i.path}: ` : ''}
                    {i.message}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}
        {done && (
          <Alert type="ok">
            <p className="utrecht-paragraph">
              {t('committed', {
                source: done.source,
                create: done.counts.create,
                update: done.counts.update,
                unchanged: done.counts.unchanged,
              })}
            </p>
            <p className="utrecht-paragraph">
              <Link to="/register/assets">{t('toRegister')}</Link>
            </p>
          </Alert>
        )}
      </div>

      {plan && (
        <>
          <ImportPlanView plan={plan} headingRef={resultHeading} />
          {canCommit &&
            (anythingToWrite ? (
              <div className="stapel-toolbar">
                <Button
                  appearance="primary"
                  disabled={!!busy}
                  aria-describedby="import-commit-help"
                  onClick={() => void run(false)}
                >
                  {t('commit')}
                </Button>
                <p className="utrecht-paragraph" id="import-commit-help">
                  {t('commitHelp')}
                </p>
              </div>
            ) : (
              <Paragraph>{t('nothing')}</Paragraph>
            ))}
        </>
      )}
    </>
  );
}

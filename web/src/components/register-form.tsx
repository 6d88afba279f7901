/**
 * The create and edit form of a register record. The API is the judge of what is valid: when it
 * answers 400 each message is shown at its field (aria-invalid, aria-describedby) and in an error
 * summary at the top that takes the focus and links to the fields; what the person typed stays.
 * An edit replaces the record (PUT) naming the revision it was based on, so a change made
 * meanwhile by someone else is refused (409) instead of silently overwritten.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { useLabel, useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { Alert, Button, Link, Loading } from './ui';
import { useRegisterData, type RegisterRecord } from './register-data';
import { bodyFrom, fieldId, RegisterField, valuesFrom, type FormValue, type FormValues } from './register-fields';
import { formSources, type FieldDef, type KindDef } from './register-kinds';

const messages: Messages<
  'loading' | 'save' | 'saving' | 'cancel' | 'summary' | 'summaryIntro' | 'notFound' | 'requiredNote'
> = {
  nl: {
    loading: 'Bezig met laden…',
    save: 'Opslaan',
    saving: 'Bezig met opslaan…',
    cancel: 'Annuleren',
    summary: 'Opslaan is niet gelukt',
    summaryIntro: 'Stapel heeft het volgende bezwaar (de meldingen komen van de API en zijn in het Engels):',
    notFound: 'Dit record is niet gevonden: {message}',
    requiredNote: 'Velden met “(verplicht)” moeten ingevuld zijn.',
  },
  en: {
    loading: 'Loading…',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    summary: 'Could not save',
    summaryIntro: 'Stapel objects to the following:',
    notFound: 'This record was not found: {message}',
    requiredNote: 'Fields marked “(required)” must be filled in.',
  },
};

/** What went wrong, sorted to the fields it belongs to; the rest has no field in this form. */
interface Problems {
  byField: Record<string, string>;
  other: string[];
}

const strip = (path: string) => path.replace(/^body(\.|$)/, '');
const belongsTo = (path: string, field: string) =>
  path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);

function problemsOf(e: unknown, fields: FieldDef[], creating: boolean, idGiven: boolean): Problems {
  if (!(e instanceof ApiError)) return { byField: {}, other: [e instanceof Error ? e.message : String(e)] };
  const byField: Record<string, string> = {};
  // ApiError.at matches request-validation paths ("body.layers") and reference checks ("providerId").
  for (const f of fields) {
    const message = e.at(f.name);
    if (message) byField[f.name] = message;
  }
  const other = e.issues
    .filter((i) => !fields.some((f) => belongsTo(strip(i.path), f.name)))
    .map((i) => `${strip(i.path)}: ${i.message}`);
  // A duplicate id on create is the id field's problem.
  if (e.status === 409 && creating && idGiven) byField.id = e.message;
  else if (!Object.keys(byField).length && !other.length) other.push(e.message);
  return { byField, other };
}

export function RegisterForm({
  kind,
  editId,
  onSaved,
}: {
  kind: KindDef;
  /** The record to edit; without it the form creates one. */
  editId?: string;
  onSaved: (record: RegisterRecord, created: boolean) => void;
}) {
  const t = useT(messages);
  const label = useLabel();
  const { base } = useOrg();
  const data = useRegisterData(base, formSources(kind));
  const fields = kind.fields.filter((f) => !(editId && f.createOnly));
  const path = `${base}/${kind.plural}`;

  const [stored, setStored] = useState<RegisterRecord>();
  const [loadError, setLoadError] = useState<string>();
  const [values, setValues] = useState<FormValues | undefined>(() => (editId ? undefined : valuesFrom(kind.fields)));
  useEffect(() => {
    if (!editId) return;
    let live = true;
    api<RegisterRecord>(`${path}/${encodeURIComponent(editId)}`)
      .then((r) => {
        if (!live) return;
        setStored(r);
        setValues(valuesFrom(kind.fields, r));
      })
      .catch((e: Error) => live && setLoadError(e.message));
    return () => {
      live = false;
    };
  }, [editId, path, kind]);

  const [problems, setProblems] = useState<Problems>();
  const [saving, setSaving] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems) summary.current?.focus();
  }, [problems]);

  if (loadError) return <Alert type="error">{t('notFound', { message: loadError })}</Alert>;
  if (!values || !data.ready) return <Loading label={t('loading')} />;
  if (data.error) return <Alert type="error">{data.error}</Alert>;

  const set = (name: string, v: FormValue) => setValues((old) => ({ ...old, [name]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving || !values) return;
    setSaving(true);
    const body = bodyFrom(fields, values, stored);
    try {
      const saved = stored
        ? await api<RegisterRecord>(`${path}/${encodeURIComponent(stored.id)}`, {
            method: 'PUT',
            body: { ...body, revision: stored.revision },
          })
        : await api<RegisterRecord>(path, { method: 'POST', body });
      onSaved(saved, !stored);
    } catch (err) {
      setProblems(problemsOf(err, fields, !stored, typeof values.id === 'string' && values.id.trim() !== ''));
      setSaving(false);
    }
  }

  const listed = problems
    ? [
        ...fields
          .filter((f) => problems.byField[f.name])
          .map((f) => ({ key: f.name, href: fieldId(f.name), text: `${label(f.label)}: ${problems.byField[f.name]}` })),
        ...problems.other.map((text, i) => ({ key: `other-${i}`, href: undefined, text })),
      ]
    : [];

  return (
    <form noValidate onSubmit={submit}>
      {problems && (
        <div
          ref={summary}
          tabIndex={-1}
          className="utrecht-alert utrecht-alert--error"
          aria-labelledby="register-error-summary"
          role="group"
        >
          <div className="utrecht-alert__content">
            <div className="utrecht-alert__message">
              <h2 className="utrecht-heading-2" id="register-error-summary">
                {t('summary')}
              </h2>
              <p className="utrecht-paragraph">{t('summaryIntro')}</p>
              <ul className="utrecht-unordered-list">
                {listed.map((p) => (
                  <li key={p.key} className="utrecht-unordered-list__item">
                    {p.href ? (
                      <a
                        className="utrecht-link utrecht-link--html-a"
                        href={`#${p.href}`}
                        onClick={(e) => {
                          // Move to the field itself, not only scroll to it.
                          const target = document.getElementById(p.href!);
                          if (!target) return;
                          e.preventDefault();
                          target.focus();
                        }}
                      >
                        {p.text}
                      </a>
                    ) : (
                      p.text
                    )}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </div>
      )}
      <p className="utrecht-paragraph">{t('requiredNote')}</p>
      {stored && (
        <p className="utrecht-paragraph">
          Id: <code className="utrecht-code">{stored.id}</code>
        </p>
      )}
      <div style={{ display: 'grid', gap: '1.25rem', maxInlineSize: '40rem' }}>
        {fields.map((f) => (
          <RegisterField
            key={f.name}
            field={f}
            value={values[f.name]}
            onChange={(v) => set(f.name, v)}
            error={problems?.byField[f.name]}
            data={data}
          />
        ))}
      </div>
      <div
        className="utrecht-button-group"
        style={{ display: 'flex', gap: '1rem', alignItems: 'center', marginBlockStart: '1.5rem' }}
      >
        <Button type="submit" appearance="primary" aria-disabled={saving || undefined}>
          {saving ? t('saving') : t('save')}
        </Button>
        <Link to={`/register/${kind.plural}`}>{t('cancel')}</Link>
      </div>
    </form>
  );
}

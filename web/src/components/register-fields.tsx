/**
 * One form field of a register record, drawn from its description (register-kinds.tsx), and the
 * conversion between what a person types and the JSON the API takes. Text stays text until the
 * API has judged it: a wrong number or country code goes to the API as typed, so the message the
 * person sees is the API's own, at the field it belongs to.
 */
import type { ReactNode } from 'react';
import { useLabel, useT, type Messages } from '../i18n';
import { Checkbox, FormField, Select, TextArea, TextInput } from './ui';
import type { Label, RegisterData, RegisterRecord } from './register-data';
import type { FieldDef, Options } from './register-kinds';

export type FormValue = string | string[] | boolean;
export type FormValues = Record<string, FormValue>;

const messages: Messages<'required' | 'none' | 'yes' | 'no' | 'unknown' | 'process' | 'asset'> = {
  nl: {
    required: '(verplicht)',
    none: '— niet ingevuld —',
    yes: 'Ja',
    no: 'Nee',
    unknown: 'Onbekend',
    process: 'Proces',
    asset: 'Voorziening',
  },
  en: {
    required: '(required)',
    none: '— not filled in —',
    yes: 'Yes',
    no: 'No',
    unknown: 'Unknown',
    process: 'Process',
    asset: 'Asset',
  },
};

/** The element id of a field's input (of its first checkbox, for a group). */
export const fieldId = (name: string) => `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const optionId = (name: string, value: string) => `${fieldId(name)}--${value.replace(/[^A-Za-z0-9_-]/g, '-')}`;

// ---- paths like "dataLocations.atRest" ---------------------------------------------------------

function getPath(obj: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let o = obj;
  for (const k of keys) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  if (value === undefined) delete o[last];
  else o[last] = value;
}

// ---- values ⇄ JSON -----------------------------------------------------------------------------

/** The form's starting values: the record's, or the kind's defaults for a new one. */
export function valuesFrom(fields: FieldDef[], record?: RegisterRecord): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    const v = record ? getPath(record, f.name) : undefined;
    switch (f.input) {
      case 'checkboxes':
        values[f.name] = Array.isArray(v) ? v.map(String) : [];
        break;
      case 'list':
        values[f.name] = Array.isArray(v) ? v.join(', ') : '';
        break;
      case 'boolean':
        values[f.name] = v === true;
        break;
      case 'tristate':
        values[f.name] = typeof v === 'boolean' ? String(v) : '';
        break;
      default:
        values[f.name] = v === undefined || v === null ? (record ? '' : (f.initial ?? '')) : String(v);
    }
  }
  return values;
}

function toJson(f: FieldDef, v: FormValue | undefined): unknown {
  switch (f.input) {
    case 'checkboxes':
      return Array.isArray(v) ? v : [];
    case 'boolean':
      return v === true;
    case 'list':
      return typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : [];
    case 'tristate':
      return v === 'true' ? true : v === 'false' ? false : undefined;
    case 'number': {
      const s = typeof v === 'string' ? v.trim() : '';
      if (!s) return undefined;
      const n = Number(s.replace(',', '.'));
      // Not a number: send it as typed and let the API say what it expects.
      return Number.isFinite(n) ? n : s;
    }
    default: {
      const s = typeof v === 'string' ? v : '';
      // A required text goes as typed, even empty, so the API's "required" message comes back.
      return s.trim() || f.required ? s : undefined;
    }
  }
}

/**
 * The JSON to send. An edit starts from the stored record's fields, so fields the form does not
 * show (tags, lock-in, effects, …) survive the replace; a field emptied in the form is left out,
 * which clears it.
 */
export function bodyFrom(fields: FieldDef[], values: FormValues, stored?: RegisterRecord): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (stored) {
    const { id: _i, revision: _r, createdAt: _c, updatedAt: _u, provenance: _p, ...spec } = stored;
    Object.assign(body, structuredClone(spec));
  }
  for (const f of fields) {
    if (f.createOnly && stored) continue;
    setPath(body, f.name, toJson(f, values[f.name]));
  }
  return body;
}

// ---- choices -------------------------------------------------------------------------------------

export function useChoices() {
  const label = useLabel();
  const t = useT(messages);
  return (options: Options | undefined, data: RegisterData): { value: string; label: string }[] => {
    if (!options) return [];
    if ('vocabulary' in options)
      return (data.vocabularies?.[options.vocabulary] ?? []).map((e) => ({ value: e.code, label: label(e.label) }));
    if ('codes' in options)
      return Object.entries(options.codes).map(([code, l]) => ({ value: code, label: label(l as Label) }));
    const byName = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
    if ('records' in options)
      return (data.records[options.records] ?? []).map((r) => ({ value: r.id, label: r.name })).sort(byName);
    return [
      ...(data.records.processes ?? [])
        .map((r) => ({ value: `process:${r.id}`, label: `${t('process')}: ${r.name}` }))
        .sort(byName),
      ...(data.records.assets ?? [])
        .map((r) => ({ value: `asset:${r.id}`, label: `${t('asset')}: ${r.name}` }))
        .sort(byName),
    ];
  };
}

// ---- the field -----------------------------------------------------------------------------------

export function RegisterField({
  field,
  value,
  onChange,
  error,
  data,
}: {
  field: FieldDef;
  value: FormValue | undefined;
  onChange: (value: FormValue) => void;
  error?: string;
  data: RegisterData;
}) {
  const t = useT(messages);
  const label = useLabel();
  const choices = useChoices();
  const id = fieldId(field.name);
  const text = (
    <>
      {label(field.label)}
      {field.required && ` ${t('required')}`}
    </>
  );
  const hint = field.hint ? label(field.hint) : undefined;
  const str = typeof value === 'string' ? value : '';

  if (field.input === 'checkboxes') {
    const chosen = Array.isArray(value) ? value : [];
    const options = choices(field.options, data);
    // Values the record holds but the choices lack (a removed code) stay visible and can be unticked.
    for (const c of chosen) if (!options.some((o) => o.value === c)) options.push({ value: c, label: c });
    return (
      <CheckboxGroup
        name={field.name}
        legend={text}
        hint={hint}
        error={error}
        options={options}
        chosen={chosen}
        onChange={onChange}
      />
    );
  }
  if (field.input === 'boolean') {
    const describedBy = [hint && `${id}-description`, error && `${id}-error`].filter(Boolean).join(' ');
    return (
      <div className="utrecht-form-field">
        {error && (
          <div className="utrecht-form-field-error-message" id={`${id}-error`}>
            {error}
          </div>
        )}
        <Checkbox
          id={id}
          label={text}
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
          {...(error ? { 'aria-invalid': true } : {})}
          {...(describedBy ? { 'aria-describedby': describedBy } : {})}
        />
      </div>
    );
  }
  return (
    <FormField id={id} label={text} description={hint} error={error}>
      {({ invalid, ...aria }) => {
        const common = { ...aria, name: field.name, invalid, 'aria-required': field.required || undefined };
        switch (field.input) {
          case 'textarea':
            return <TextArea {...common} rows={4} value={str} onChange={(e) => onChange(e.target.value)} />;
          case 'select':
          case 'tristate': {
            const options =
              field.input === 'tristate'
                ? [
                    { value: '', label: t('unknown') },
                    { value: 'true', label: t('yes') },
                    { value: 'false', label: t('no') },
                  ]
                : [
                    ...(field.initial === undefined ? [{ value: '', label: t('none') }] : []),
                    ...choices(field.options, data),
                  ];
            if (str && !options.some((o) => o.value === str)) options.push({ value: str, label: str });
            return <Select {...common} options={options} value={str} onChange={(e) => onChange(e.target.value)} />;
          }
          case 'date':
            return <TextInput {...common} type="date" value={str} onChange={(e) => onChange(e.target.value)} />;
          case 'number':
            return <TextInput {...common} inputMode="decimal" value={str} onChange={(e) => onChange(e.target.value)} />;
          default:
            return (
              <TextInput
                {...common}
                autoComplete="off"
                spellCheck={field.input === 'list' || field.createOnly ? false : undefined}
                value={str}
                onChange={(e) => onChange(e.target.value)}
              />
            );
        }
      }}
    </FormField>
  );
}

/** Checkboxes in a fieldset whose legend is the field's label; long lists scroll in a box. */
function CheckboxGroup({
  name,
  legend,
  hint,
  error,
  options,
  chosen,
  onChange,
}: {
  name: string;
  legend: ReactNode;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  chosen: string[];
  onChange: (value: string[]) => void;
}) {
  const id = fieldId(name);
  const describedBy = [hint && `${id}-description`, error && `${id}-error`].filter(Boolean).join(' ');
  const long = options.length > 15;
  return (
    <div
      className={[
        'utrecht-form-fieldset',
        'utrecht-form-fieldset--distanced',
        error && 'utrecht-form-fieldset--invalid',
      ]
        .filter(Boolean)
        .join(' ')}
    >
      <fieldset
        className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
        {...(describedBy ? { 'aria-describedby': describedBy } : {})}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {/* Styled as the other fields' labels. */}
          <span className="utrecht-form-label">{legend}</span>
        </legend>
        {hint && (
          <div className="utrecht-form-field-description" id={`${id}-description`}>
            {hint}
          </div>
        )}
        {error && (
          <div className="utrecht-form-field-error-message" id={`${id}-error`}>
            {error}
          </div>
        )}
        <div
          style={
            long
              ? { maxBlockSize: '18rem', overflowY: 'auto', border: '1px solid #8c8c8c', paddingInline: '0.5rem' }
              : undefined
          }
        >
          {options.map((o, i) => (
            <Checkbox
              key={o.value}
              // The first box carries the field's id, so the error summary's link lands in the group.
              id={i === 0 ? id : optionId(name, o.value)}
              name={name}
              value={o.value}
              label={o.label}
              checked={chosen.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))}
              {...(error ? { 'aria-invalid': true } : {})}
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * The list of one register kind: a filter form whose values live in the URL (so a filtered list
 * can be linked), a table with the kind's main columns, "show more" paging with the API's cursor,
 * and edit and delete per row. Deleting asks first; when the API refuses because other records
 * still refer to the record, its message (which names them) is shown.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { api } from '../api';
import { useLabel, useLang, useT, type Messages } from '../i18n';
import { useOrg } from '../org';
import { Alert, Button, FormField, Link, Loading, Select, Table, TableBody, TableHead, TextInput } from './ui';
import { useRegisterData, type RegisterRecord } from './register-data';
import { ConfirmDialog } from './register-dialog';
import { useChoices } from './register-fields';
import type { Cells, KindDef } from './register-kinds';

/** Rows per page: a screenful, with "show more" for the rest. */
export const PAGE_SIZE = 25;
const FILTER_PARAMS = ['q', 'layer', 'priority', 'type'] as const;

const messages: Messages<
  | 'filters'
  | 'q'
  | 'all'
  | 'apply'
  | 'clear'
  | 'name'
  | 'id'
  | 'actions'
  | 'edit'
  | 'delete'
  | 'shown'
  | 'shownMore'
  | 'none'
  | 'more'
  | 'loading'
  | 'confirmTitle'
  | 'confirmText'
  | 'confirmYes'
  | 'cancel'
  | 'deleted'
  | 'deleteFailed'
  | 'yes'
  | 'no'
> = {
  nl: {
    filters: 'Filteren',
    q: 'Zoeken in naam en beschrijving',
    all: 'Alle',
    apply: 'Filter toepassen',
    clear: 'Filters wissen',
    name: 'Naam',
    id: 'Id',
    actions: 'Acties',
    edit: 'Wijzigen',
    delete: 'Verwijderen',
    shown: '{n} getoond.',
    shownMore: '{n} getoond; er zijn er meer.',
    none: 'Er zijn geen {kind} die aan de filters voldoen.',
    more: 'Meer tonen',
    loading: 'Bezig met laden…',
    confirmTitle: 'Verwijderen bevestigen',
    confirmText: 'Weet u zeker dat u {one} “{name}” ({id}) wilt verwijderen? Dit kan niet ongedaan worden gemaakt.',
    confirmYes: 'Ja, verwijderen',
    cancel: 'Annuleren',
    deleted: '{One} “{name}” is verwijderd.',
    deleteFailed: '“{name}” is niet verwijderd: {message}',
    yes: 'Ja',
    no: 'Nee',
  },
  en: {
    filters: 'Filter',
    q: 'Search in name and description',
    all: 'All',
    apply: 'Apply filter',
    clear: 'Clear filters',
    name: 'Name',
    id: 'Id',
    actions: 'Actions',
    edit: 'Edit',
    delete: 'Delete',
    shown: '{n} shown.',
    shownMore: '{n} shown; there are more.',
    none: 'There are no {kind} that match the filters.',
    more: 'Show more',
    loading: 'Loading…',
    confirmTitle: 'Confirm deletion',
    confirmText: 'Are you sure you want to delete {one} “{name}” ({id})? This cannot be undone.',
    confirmYes: 'Yes, delete',
    cancel: 'Cancel',
    deleted: '{One} “{name}” has been deleted.',
    deleteFailed: '“{name}” was not deleted: {message}',
    yes: 'Yes',
    no: 'No',
  },
};

export interface Notice {
  type: 'ok' | 'error';
  text: string;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function RegisterList({ kind, notice: initialNotice }: { kind: KindDef; notice?: Notice }) {
  const t = useT(messages);
  const label = useLabel();
  const { lang } = useLang();
  const { base } = useOrg();
  const data = useRegisterData(base, kind.listSources);
  const [params, setParams] = useSearchParams();
  const filters = new URLSearchParams();
  for (const p of FILTER_PARAMS) {
    const v = params.get(p);
    if (v) filters.set(p, v);
  }
  const filterKey = filters.toString();
  const listPath = `${base}/${kind.plural}?limit=${PAGE_SIZE}${filterKey ? `&${filterKey}` : ''}`;

  // ---- the rows, page by page ----
  const [rows, setRows] = useState<{ items: RegisterRecord[]; next?: string; loading: boolean; error?: string }>({
    items: [],
    loading: true,
  });
  const load = useCallback(
    (cursor?: string) => {
      setRows((r) => ({ ...r, loading: true, error: undefined }));
      api<{ items: RegisterRecord[]; nextCursor?: string }>(
        cursor ? `${listPath}&cursor=${encodeURIComponent(cursor)}` : listPath,
      )
        .then((page) =>
          setRows((r) => ({
            items: cursor ? [...r.items, ...page.items] : page.items,
            next: page.nextCursor,
            loading: false,
          })),
        )
        .catch((e: Error) => setRows((r) => ({ ...r, loading: false, error: e.message })));
    },
    [listPath],
  );
  useEffect(() => load(), [load]);

  // ---- notices and deleting ----
  const [notice, setNotice] = useState<Notice | undefined>(initialNotice);
  const noticeRef = useRef<HTMLDivElement>(null);
  const [confirm, setConfirm] = useState<{ record: RegisterRecord; trigger: HTMLElement }>();
  // Where the focus goes once the dialog is gone (after its own close, which moves the focus too):
  // the notice after a save or delete, the row's delete button after a cancel or a refusal.
  const focusNext = useRef<HTMLElement | 'notice' | undefined>(initialNotice ? 'notice' : undefined);
  useEffect(() => {
    if (confirm || !focusNext.current) return;
    const target = focusNext.current === 'notice' ? noticeRef.current : focusNext.current;
    focusNext.current = undefined;
    if (target?.isConnected) target.focus();
  }, [confirm, notice]);
  const one = label(kind.one);

  function closeConfirm() {
    focusNext.current = confirm?.trigger;
    setConfirm(undefined);
  }

  async function remove() {
    if (!confirm) return;
    const { record } = confirm;
    try {
      await api(`${base}/${kind.plural}/${encodeURIComponent(record.id)}?revision=${record.revision}`, {
        method: 'DELETE',
      });
      setRows((r) => ({ ...r, items: r.items.filter((i) => i.id !== record.id) }));
      setNotice({ type: 'ok', text: t('deleted', { One: capital(one), name: record.name }) });
      focusNext.current = 'notice';
      setConfirm(undefined);
    } catch (e) {
      setNotice({ type: 'error', text: t('deleteFailed', { name: record.name, message: (e as Error).message }) });
      closeConfirm();
    }
  }

  // ---- cells ----
  const numberFormat = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB');
  const cells: Cells = {
    vocabulary: (name, code) =>
      typeof code === 'string' ? label(data.vocabularies?.[name].find((e) => e.code === code)?.label, code) : '',
    code: (labels, code) => (typeof code === 'string' ? label(labels[code], code) : ''),
    record: (source, id) =>
      typeof id === 'string' ? (data.records[source]?.find((r) => r.id === id)?.name ?? id) : '',
    yesNo: (v) => (v === true ? t('yes') : t('no')),
    number: (v) => (typeof v === 'number' ? numberFormat.format(v) : ''),
  };

  const many = label(kind.many);
  return (
    <>
      <p className="utrecht-paragraph">
        <RouterLink
          to={`/register/${kind.plural}?new`}
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
        >
          {label(kind.newOne)}
        </RouterLink>
      </p>
      <FilterForm key={filterKey} kind={kind} filters={filters} onApply={(next) => setParams(next)} data={data} />
      {notice && (
        <div ref={noticeRef} tabIndex={-1}>
          <Alert type={notice.type}>{notice.text}</Alert>
        </div>
      )}
      {rows.error && <Alert type="error">{rows.error}</Alert>}
      {rows.loading && !rows.items.length ? (
        <Loading label={t('loading')} />
      ) : (
        <>
          <p className="utrecht-paragraph" role="status">
            {rows.items.length === 0
              ? t('none', { kind: many.toLowerCase() })
              : t(rows.next ? 'shownMore' : 'shown', { n: rows.items.length })}
          </p>
          {rows.items.length > 0 && (
            <Table caption={many}>
              <TableHead cells={[t('name'), t('id'), ...kind.columns.map((c) => label(c.header)), t('actions')]} />
              <TableBody
                rows={rows.items.map((r) => ({
                  key: r.id,
                  cells: [
                    kind.detail ? <Link to={kind.detail(r.id)}>{r.name}</Link> : r.name,
                    <code className="utrecht-code">{r.id}</code>,
                    ...kind.columns.map((c) => c.cell(r, cells)),
                    <span
                      style={{ display: 'inline-flex', gap: '0.75rem', alignItems: 'center', whiteSpace: 'nowrap' }}
                    >
                      <Link to={`/register/${kind.plural}?edit=${encodeURIComponent(r.id)}`}>
                        {t('edit')}
                        <span className="stapel-visually-hidden"> {r.name}</span>
                      </Link>
                      <Button appearance="subtle" onClick={(e) => setConfirm({ record: r, trigger: e.currentTarget })}>
                        {t('delete')}
                        <span className="stapel-visually-hidden"> {r.name}</span>
                      </Button>
                    </span>,
                  ],
                }))}
              />
            </Table>
          )}
          {rows.next && (
            <p className="utrecht-paragraph">
              <Button onClick={() => load(rows.next)} aria-disabled={rows.loading || undefined}>
                {rows.loading ? t('loading') : t('more')}
              </Button>
            </p>
          )}
        </>
      )}
      {confirm && (
        <ConfirmDialog
          title={t('confirmTitle')}
          confirmLabel={t('confirmYes')}
          cancelLabel={t('cancel')}
          onConfirm={remove}
          onCancel={closeConfirm}
        >
          <p className="utrecht-paragraph">
            {t('confirmText', { one, name: confirm.record.name, id: confirm.record.id })}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

/** The filter form: its fields start from the URL and applying them writes the URL. */
function FilterForm({
  kind,
  filters,
  onApply,
  data,
}: {
  kind: KindDef;
  filters: URLSearchParams;
  onApply: (next: URLSearchParams) => void;
  data: ReturnType<typeof useRegisterData>;
}) {
  const t = useT(messages);
  const label = useLabel();
  const choices = useChoices();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(FILTER_PARAMS.map((p) => [p, filters.get(p) ?? ''])),
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const p of FILTER_PARAMS) if (values[p]?.trim()) next.set(p, values[p]!.trim());
    onApply(next);
  }
  const set = (p: string, v: string) => setValues((old) => ({ ...old, [p]: v }));
  return (
    <form role="search" onSubmit={submit} aria-label={t('filters')} className="stapel-toolbar">
      <FormField id="register-filter-q" label={t('q')}>
        {({ invalid: _i, ...aria }) => (
          <TextInput
            {...aria}
            type="search"
            name="q"
            value={values.q ?? ''}
            onChange={(e) => set('q', e.target.value)}
          />
        )}
      </FormField>
      {kind.filters.map((f) => (
        <FormField key={f.param} id={`register-filter-${f.param}`} label={label(f.label)}>
          {({ invalid: _i, ...aria }) => (
            <Select
              {...aria}
              name={f.param}
              value={values[f.param] ?? ''}
              onChange={(e) => set(f.param, e.target.value)}
              options={[{ value: '', label: t('all') }, ...choices(f.options, data)]}
            />
          )}
        </FormField>
      ))}
      <div className="utrecht-form-field">
        <Button type="submit" appearance="secondary">
          {t('apply')}
        </Button>
      </div>
      {filters.toString() && (
        <div className="utrecht-form-field">
          <Link to={`/register/${kind.plural}`}>{t('clear')}</Link>
        </div>
      )}
    </form>
  );
}

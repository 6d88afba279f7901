/**
 * The register: processes, assets, parties, contracts, exit plans and measures, one kind per
 * route (/register/<kind>). The same route shows the list, the create form (?new) or the edit
 * form (?edit=<id>), so each state can be linked; after a save the list says what was saved.
 */
import { useEffect, useRef } from 'react';
import { NavLink, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert } from '../components/ui';
import { useLabel, useT, type Messages } from '../i18n';
import type { RegisterRecord } from '../components/register-data';
import { RegisterForm } from '../components/register-form';
import { kindDef, REGISTER_KINDS } from '../components/register-kinds';
import { RegisterList, type Notice } from '../components/register-list';

const messages: Messages<'kinds' | 'list' | 'edit' | 'unknown' | 'created' | 'updated'> = {
  nl: {
    kinds: 'Onderdelen van het register',
    list: 'Register: {many}',
    edit: '{One} wijzigen: {name}',
    unknown: 'Dit onderdeel van het register bestaat niet. Kies er hierboven een.',
    created: '{One} “{name}” is toegevoegd.',
    updated: '{One} “{name}” is opgeslagen.',
  },
  en: {
    kinds: 'Parts of the register',
    list: 'Register: {many}',
    edit: 'Edit {one}: {name}',
    unknown: 'This part of the register does not exist. Choose one above.',
    created: '{One} “{name}” has been added.',
    updated: '{One} “{name}” has been saved.',
  },
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What a save leaves for the list to say (kept in the history entry's state). */
interface SavedState {
  saved?: { name: string; created: boolean };
}

export default function RegisterPage() {
  const t = useT(messages);
  const label = useLabel();
  const { kind: plural } = useParams();
  const kind = kindDef(plural);
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const editId = params.get('edit') ?? undefined;
  const mode = params.has('new') ? 'new' : editId ? 'edit' : 'list';
  const saved = (location.state as SavedState | null)?.saved;

  // Switching between list and form keeps the path, so the shell does not move the focus: the
  // heading of the new view takes it (the list's notice does, after a save).
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(`${mode}:${editId ?? ''}`);
  useEffect(() => {
    const now = `${mode}:${editId ?? ''}`;
    if (shown.current === now) return;
    shown.current = now;
    if (!saved) heading.current?.focus();
  }, [mode, editId, saved]);

  const one = kind ? label(kind.one) : '';
  const title = !kind
    ? 'Register'
    : mode === 'new'
      ? label(kind.newOne)
      : mode === 'edit'
        ? t('edit', { One: capital(one), one, name: editId ?? '' })
        : t('list', { many: label(kind.many) });

  const notice: Notice | undefined = saved
    ? { type: 'ok', text: t(saved.created ? 'created' : 'updated', { One: capital(one), name: saved.name }) }
    : undefined;

  function onSaved(record: RegisterRecord, created: boolean) {
    navigate(`/register/${kind!.plural}`, { state: { saved: { name: record.name, created } } satisfies SavedState });
  }

  return (
    <>
      <h1 className="utrecht-heading-1" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <nav aria-label={t('kinds')}>
        <ul
          className="utrecht-link-list utrecht-link-list--html-ul"
          // The link list is a column by default; as tabs it is a row.
          style={{ flexDirection: 'row', flexWrap: 'wrap', gap: '0.5rem 1.5rem', marginBlock: '0.5rem 1.5rem' }}
        >
          {REGISTER_KINDS.map((k) => (
            <li key={k.plural} className="utrecht-link-list__item">
              {/* NavLink marks the current kind with aria-current="page". */}
              <NavLink
                to={`/register/${k.plural}`}
                className={({ isActive }) =>
                  `utrecht-link utrecht-link--html-a${isActive ? ' utrecht-link--current' : ''}`
                }
                style={({ isActive }) => (isActive ? { fontWeight: 700, textDecorationThickness: '3px' } : undefined)}
              >
                {label(k.many)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {!kind ? (
        <Alert type="warning">{t('unknown')}</Alert>
      ) : mode === 'list' ? (
        // A new key per save or filter-free visit resets the list (and its notice).
        <RegisterList key={`${kind.plural}:${location.key}`} kind={kind} notice={notice} />
      ) : (
        <RegisterForm key={`${kind.plural}:${mode}:${editId ?? ''}`} kind={kind} editId={editId} onSaved={onSaved} />
      )}
    </>
  );
}

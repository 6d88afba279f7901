/**
 * NL Design System components (the Utrecht component library's CSS components with the
 * NL Design System example theme), as small React components: one place that knows the class
 * names, the ARIA wiring and the keyboard behaviour, so pages stay about their content.
 */
import type {
  ButtonHTMLAttributes,
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { Link as RouterLink, NavLink, type LinkProps } from 'react-router-dom';

const cx = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

export function Heading({ level, children, id }: { level: 1 | 2 | 3 | 4; children: ReactNode; id?: string }) {
  const Tag = `h${level}` as const;
  return (
    <Tag className={`utrecht-heading-${level}`} id={id}>
      {children}
    </Tag>
  );
}

export function Paragraph({ children, lead }: { children: ReactNode; lead?: boolean }) {
  return <p className={cx('utrecht-paragraph', lead && 'utrecht-paragraph--lead')}>{children}</p>;
}

export function Button({
  appearance = 'secondary',
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { appearance?: 'primary' | 'secondary' | 'subtle' }) {
  return (
    <button
      type="button"
      {...props}
      className={cx(
        'utrecht-button',
        appearance === 'primary' && 'utrecht-button--primary-action',
        appearance === 'secondary' && 'utrecht-button--secondary-action',
        appearance === 'subtle' && 'utrecht-button--subtle',
        props.disabled && 'utrecht-button--disabled',
        className,
      )}
    />
  );
}

/** A link inside the application (client-side navigation). */
export function Link({ className, ...props }: LinkProps) {
  return <RouterLink {...props} className={cx('utrecht-link', 'utrecht-link--html-a', className)} />;
}

export function NavItem({ to, children }: { to: string; children: ReactNode }) {
  return (
    <li className="utrecht-link-list__item">
      <NavLink
        to={to}
        end={to === '/'}
        className={({ isActive }) => cx('utrecht-link', 'utrecht-link--html-a', isActive && 'utrecht-link--current')}
      >
        {children}
      </NavLink>
    </li>
  );
}

export function Alert({
  type = 'info',
  children,
}: {
  type?: 'info' | 'ok' | 'warning' | 'error';
  children: ReactNode;
}) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type}`} role={type === 'error' ? 'alert' : 'status'}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

// ---- tables -----------------------------------------------------------------------------------

/**
 * A table in a container that scrolls sideways when it is wide; the container can take keyboard
 * focus and is named, so keyboard users can scroll it too (WCAG 2.1.1, axe scrollable-region-focusable).
 */
export function Table({ caption, label, children }: { caption?: ReactNode; label?: string; children: ReactNode }) {
  return (
    <div
      className="utrecht-table-container utrecht-table-container--overflow-inline"
      tabIndex={0}
      role="region"
      aria-label={label ?? (typeof caption === 'string' ? caption : undefined)}
    >
      <table className="utrecht-table utrecht-table--html-table">
        {caption && <caption className="utrecht-table__caption">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

export function TableHead({ cells }: { cells: ReactNode[] }) {
  return (
    <thead className="utrecht-table__header">
      <tr className="utrecht-table__row">
        {cells.map((c, i) => (
          <th key={i} scope="col" className="utrecht-table__header-cell">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function TableBody({ rows }: { rows: { key: string; cells: ReactNode[] }[] }) {
  return (
    <tbody className="utrecht-table__body">
      {rows.map((r) => (
        <tr key={r.key} className="utrecht-table__row">
          {r.cells.map((c, i) =>
            i === 0 ? (
              <th key={i} scope="row" className="utrecht-table__header-cell">
                {c}
              </th>
            ) : (
              <td key={i} className="utrecht-table__cell">
                {c}
              </td>
            ),
          )}
        </tr>
      ))}
    </tbody>
  );
}

/** Key–value pairs (the NL Design System data list). */
export function DataList({ items }: { items: { key: string; label: ReactNode; value: ReactNode }[] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows">
      {items.map((i) => (
        <div key={i.key} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{i.label}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}

// ---- forms ------------------------------------------------------------------------------------

/**
 * A labelled form field with its description and error message, both tied to the input with
 * aria-describedby; the input is passed as a render function that receives those attributes.
 */
export function FormField({
  id,
  label,
  description,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  children: (aria: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string; invalid: boolean }) => ReactNode;
}) {
  const describedBy = [description && `${id}-description`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={cx('utrecht-form-field', 'utrecht-form-field--text', error && 'utrecht-form-field--invalid')}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">
        {children({
          id,
          invalid: !!error,
          ...(error ? { 'aria-invalid': true as const } : {}),
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        })}
      </div>
    </div>
  );
}

export function TextInput({
  invalid,
  className,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }) {
  return (
    <input
      type="text"
      {...props}
      className={cx('utrecht-textbox', 'utrecht-textbox--html-input', invalid && 'utrecht-textbox--invalid', className)}
    />
  );
}

export function TextArea({
  invalid,
  className,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }) {
  return (
    <textarea
      {...props}
      className={cx(
        'utrecht-textarea',
        'utrecht-textarea--html-textarea',
        invalid && 'utrecht-textarea--invalid',
        className,
      )}
    />
  );
}

export function Select({
  invalid,
  className,
  options,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean; options: { value: string; label: string }[] }) {
  return (
    <select
      {...props}
      className={cx('utrecht-select', 'utrecht-select--html-select', invalid && 'utrecht-select--invalid', className)}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function Checkbox({
  label,
  id,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; id: string }) {
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox">
      <div className="utrecht-form-field__input">
        <input type="checkbox" id={id} {...props} className="utrecht-checkbox utrecht-checkbox--html-input" />
      </div>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}

// ---- state ------------------------------------------------------------------------------------

export function Loading({ label }: { label: string }) {
  return (
    <p className="utrecht-paragraph stapel-loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}

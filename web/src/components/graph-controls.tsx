/**
 * NL Design System pieces the graph and scenario pages need beyond ui.tsx: a fieldset with its
 * legend, a button that looks like a link (to select a node from a list), and a radio button.
 */
import type { ButtonHTMLAttributes, CSSProperties, InputHTMLAttributes, ReactNode } from 'react';

export function Fieldset({
  legend,
  children,
  invalid,
  style,
}: {
  legend: ReactNode;
  children: ReactNode;
  invalid?: boolean;
  style?: CSSProperties;
}) {
  return (
    <fieldset
      className={[
        'utrecht-form-fieldset',
        'utrecht-form-fieldset--html-fieldset',
        invalid ? 'utrecht-form-fieldset--invalid' : '',
      ].join(' ')}
      style={{ border: 0, padding: 0, margin: 0, minWidth: 0, ...style }}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {children}
    </fieldset>
  );
}

export function LinkButton({ className, style, ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="button"
      {...props}
      // Inline in running text: wrapped names start at the left like a link's would.
      style={{ textAlign: 'start', justifyContent: 'flex-start', ...style }}
      className={['utrecht-link-button', 'utrecht-link-button--html-button', 'utrecht-link-button--inline', className]
        .filter(Boolean)
        .join(' ')}
    />
  );
}

export function RadioButton({
  label,
  id,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; id: string }) {
  return (
    <div className="utrecht-form-field utrecht-form-field--radio">
      <div className="utrecht-form-field__input">
        <input type="radio" id={id} {...props} className="utrecht-radio-button utrecht-radio-button--html-input" />
      </div>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}

/**
 * A confirmation step as a modal NL Design System alert dialog on the native <dialog>: the browser
 * keeps the keyboard inside it and Escape cancels. The safe choice (cancel) has the focus first.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from './ui';

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (!d.open) d.showModal();
    cancel.current?.focus();
    return () => d.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="utrecht-alert-dialog utrecht-alert-dialog--warning"
      aria-labelledby="register-confirm-title"
      aria-describedby="register-confirm-text"
      onCancel={(e) => {
        // Escape: let the owner decide (it unmounts the dialog and returns the focus).
        e.preventDefault();
        onCancel();
      }}
    >
      <div className="utrecht-alert-dialog__message">
        <h2 className="utrecht-heading-2" id="register-confirm-title">
          {title}
        </h2>
        <div id="register-confirm-text">{children}</div>
        <div className="utrecht-button-group" style={{ display: 'flex', gap: '1rem', marginBlockStart: '1rem' }}>
          <Button appearance="primary" onClick={onConfirm}>
            {confirmLabel}
          </Button>
          {/* A plain button: the shared Button takes no ref, and this one needs the focus. */}
          <button
            type="button"
            ref={cancel}
            className="utrecht-button utrecht-button--secondary-action"
            onClick={onCancel}
          >
            {cancelLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}

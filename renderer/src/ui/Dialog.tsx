import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom; the dialog body scrolls, the footer stays. */
  footer?: ReactNode;
  wide?: boolean;
  /** An extra class on the <dialog>, for a feature's own size. */
  className?: string;
}

/**
 * A modal on the native <dialog>: the browser traps focus, Escape closes it,
 * and focus returns to where it was when it closes.
 */
export function Dialog({ title, onClose, children, footer, wide, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnFocus = document.activeElement as HTMLElement | null;
    dialog.showModal();
    // A body taller than the dialog becomes a tab stop so it can be scrolled from the
    // keyboard; set after showModal so the first field still gets the initial focus.
    const body = bodyRef.current;
    const observer = new ResizeObserver(() => {
      if (!body) return;
      if (body.scrollHeight > body.clientHeight + 1) body.tabIndex = 0;
      else body.removeAttribute('tabindex');
    });
    if (body) observer.observe(body);
    const cancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      observer.disconnect();
      dialog.removeEventListener('cancel', cancel);
      dialog.close();
      returnFocus?.focus?.();
    };
  }, []);

  return (
    <dialog ref={ref} aria-labelledby={titleId} className={['dialog', wide ? 'dialog-wide' : '', className ?? ''].filter(Boolean).join(' ')}>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div ref={bodyRef} className="dialog-body">
        {children}
      </div>
      {footer ? <div className="dialog-footer">{footer}</div> : null}
    </dialog>
  );
}

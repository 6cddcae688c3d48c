import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';

export interface ToastInput {
  message: string;
  tone?: 'info' | 'error';
  /** Offers an Undo button; the toast stays longer so there is time to reach it. */
  undo?: () => void | Promise<void>;
  /**
   * About the work of the screen it was shown on (a mark's comment saved, a face turned): it goes
   * when the mentor leaves that screen. Without it a toast is app-wide (a backup, the language).
   */
  screen?: boolean;
}

interface Toast extends ToastInput {
  id: number;
  /** The screen (route path) a screen toast belongs to; null for an app-wide one. */
  path: string | null;
}

const ToastContext = createContext<(toast: ToastInput) => void>(() => {});
const DockContext = createContext<(element: HTMLElement | null) => void>(() => {});
const ScreenContext = createContext<(path: string) => void>(() => {});

/**
 * Tells the toasts which screen is showing (the router's path; called inside
 * the router): screen toasts of another screen go.
 */
export function useToastScreen(path: string): void {
  const setScreen = useContext(ScreenContext);
  useEffect(() => setScreen(path), [setScreen, path]);
}

/**
 * A ref for an in-flow place where toasts show instead of floating at the
 * bottom of the window: full-window workspaces give one (a strip under the
 * canvas on the review screen, the footer on compare) so a toast never covers
 * the artwork, a canvas control or the side list.
 */
export function useToastDock(): (element: HTMLElement | null) => void {
  return useContext(DockContext);
}

/** Shows a short message; errors and undo offers stay until acted on or closed. */
export function useToast(): (toast: ToastInput) => void {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [dock, setDock] = useState<HTMLElement | null>(null);
  const nextId = useRef(1);
  const screen = useRef<string | null>(null);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((x) => x.id !== id)), []);
  const setScreen = useCallback((path: string) => {
    screen.current = path;
    setToasts((all) => (all.some((x) => x.path !== null && x.path !== path) ? all.filter((x) => x.path === null || x.path === path) : all));
  }, []);
  const show = useCallback(
    (input: ToastInput) => {
      const id = nextId.current++;
      const path = input.screen ? screen.current : null;
      // The same plain message again (e.g. "submitted" after each review) replaces
      // the earlier one instead of stacking; undo offers stay, each undoes its own change.
      const repeats = (x: Toast) => !x.undo && !input.undo && x.message === input.message && x.tone === input.tone;
      setToasts((all) => [...all.filter((x) => !repeats(x)).slice(-3), { ...input, id, path }]);
      if (input.tone !== 'error' && !input.undo) setTimeout(() => dismiss(id), 6000);
      if (input.undo) setTimeout(() => dismiss(id), 15000);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  const list = (
      <div className={dock ? 'toasts toasts-docked' : 'toasts'} role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={toast.tone === 'error' ? 'toast toast-error' : 'toast'}>
            <span>{toast.message}</span>
            {toast.undo ? (
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  dismiss(toast.id);
                  void toast.undo?.();
                }}
              >
                {t('common.undo')}
              </button>
            ) : null}
            <button
              type="button"
              className="button button-small button-quiet"
              aria-label={t('common.close')}
              onClick={() => dismiss(toast.id)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
  );
  return (
    <ToastContext value={value}>
      <DockContext value={setDock}>
        <ScreenContext value={setScreen}>{children}</ScreenContext>
      </DockContext>
      {dock ? createPortal(list, dock) : list}
    </ToastContext>
  );
}

import { act, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { messages } from '#shared/i18n/messages.ts';
import { ToastProvider, useToast, type ToastInput } from '#renderer/src/ui/Toasts.tsx';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ lng: 'id', resources: { id: { translation: messages.id } } });
});

let show: (toast: ToastInput) => void = () => {};
function Grab() {
  show = useToast();
  return null;
}

describe('toasts', () => {
  it('shows a repeated plain message once, but keeps every undo offer', () => {
    render(
      <I18nextProvider i18n={i18n}>
        <ToastProvider>
          <Grab />
        </ToastProvider>
      </I18nextProvider>,
    );
    act(() => {
      show({ message: 'Penilaian terkirim.' });
      show({ message: 'Penilaian terkirim.' });
      show({ message: 'Penilaian terkirim.' });
    });
    expect(screen.getAllByText('Penilaian terkirim.')).toHaveLength(1);
    act(() => {
      show({ message: 'Sesi dihapus.', undo: () => {} });
      show({ message: 'Sesi dihapus.', undo: () => {} });
    });
    expect(screen.getAllByText('Sesi dihapus.')).toHaveLength(2);
    expect(screen.getAllByRole('button', { name: 'Urungkan' })).toHaveLength(2);
  });
});

describe('toast dock', () => {
  it('shows toasts inside a workspace dock, in the layout, and back at the window edge when the dock goes', async () => {
    const { useToastDock } = await import('#renderer/src/ui/Toasts.tsx');
    function Dock() {
      return <div data-testid="dock" ref={useToastDock()} />;
    }
    const view = render(
      <I18nextProvider i18n={i18n}>
        <ToastProvider>
          <Grab />
          <Dock />
        </ToastProvider>
      </I18nextProvider>,
    );
    act(() => show({ message: 'Anotasi dihapus.' }));
    const dock = view.getByTestId('dock');
    expect(dock.contains(view.getByText('Anotasi dihapus.'))).toBe(true);
    expect(view.getByText('Anotasi dihapus.').closest('[role="status"]')?.classList.contains('toasts-docked')).toBe(true);
    view.rerender(
      <I18nextProvider i18n={i18n}>
        <ToastProvider>
          <Grab />
        </ToastProvider>
      </I18nextProvider>,
    );
    expect(view.queryByTestId('dock')).toBeNull();
    expect(view.getByText('Anotasi dihapus.').closest('[role="status"]')?.classList.contains('toasts-docked')).toBe(false);
  });
});

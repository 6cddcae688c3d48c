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

describe('toasts of a screen', () => {
  it('go when the mentor leaves the screen they were shown on; app-wide ones stay', async () => {
    const { useToastScreen } = await import('#renderer/src/ui/Toasts.tsx');
    function Screen({ path }: { path: string }) {
      useToastScreen(path);
      return null;
    }
    const at = (path: string) => (
      <I18nextProvider i18n={i18n}>
        <ToastProvider>
          <Grab />
          <Screen path={path} />
        </ToastProvider>
      </I18nextProvider>
    );
    const view = render(at('/workshops/w1/participants/p1/submissions/s1/review'));
    act(() => {
      show({ message: 'Wajah diputar.', screen: true, undo: () => {} });
      show({ message: 'Cadangan selesai.' });
    });
    expect(view.getByText('Wajah diputar.')).toBeTruthy();
    // The same screen with another face or tab (its path is the same): the toast stays.
    view.rerender(at('/workshops/w1/participants/p1/submissions/s1/review'));
    expect(view.queryByText('Wajah diputar.')).not.toBeNull();
    // Another workshop's review: the screen's toast goes, the app-wide one stays.
    view.rerender(at('/workshops/w2/participants/p9/submissions/s9/review'));
    expect(view.queryByText('Wajah diputar.')).toBeNull();
    expect(view.getByText('Cadangan selesai.')).toBeTruthy();
    // A screen toast shown here belongs here.
    act(() => show({ message: 'Catatan disimpan ke bank komentar.', screen: true }));
    expect(view.getByText('Catatan disimpan ke bank komentar.')).toBeTruthy();
    view.rerender(at('/'));
    expect(view.queryByText('Catatan disimpan ke bank komentar.')).toBeNull();
  });
});

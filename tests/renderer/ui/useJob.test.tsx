import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useJob, type Job, type JobHandlers, type JobWork } from '#renderer/src/ui/useJob.ts';

/** A promise the test settles by hand, with the signal and progress reporter the job handed to the work. */
function manualWork<T>() {
  const control: { resolve: (value: T) => void; reject: (error: unknown) => void; signal: AbortSignal | null; report: (p: number) => void } = {
    resolve: () => {},
    reject: () => {},
    signal: null,
    report: () => {},
  };
  const work: JobWork<number, T> = (signal, report) =>
    new Promise<T>((resolve, reject) => {
      control.resolve = resolve;
      control.reject = reject;
      control.signal = signal;
      control.report = report;
      // Like the real work: an abort rejects it.
      signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
    });
  return { work, control };
}

let job: Job<number> | null = null;

/** A dialog as the studio builds them: a start button, Cancel while running, progress, and how it ended. */
function JobDialog<T>({ work, handlers }: { work: JobWork<number, T>; handlers: JobHandlers<T, number> }) {
  const current = useJob<number>();
  job = current;
  const { state } = current;
  return (
    <div>
      {state.kind === 'running' ? (
        <>
          <p role="status">{state.progress === null ? 'Menyiapkan…' : `${state.progress} %`}</p>
          <button ref={current.cancelButton} type="button" onClick={current.cancel}>
            Batal
          </button>
        </>
      ) : (
        <button ref={current.startButton} type="button" onClick={() => void current.run(work, handlers)}>
          Mulai
        </button>
      )}
      {state.kind === 'idle' && state.cancelled ? <p>Dibatalkan.</p> : null}
      {state.kind === 'idle' && state.error ? <p role="alert">{state.error}</p> : null}
    </div>
  );
}

afterEach(() => {
  job = null;
  vi.restoreAllMocks();
});

describe('useJob', () => {
  it('shows progress while it runs with focus on Cancel, then hands over the result', async () => {
    const user = userEvent.setup();
    const { work, control } = manualWork<string>();
    const done = vi.fn();
    render(<JobDialog work={work} handlers={{ done, describe: () => 'Gagal.' }} />);
    await user.click(screen.getByRole('button', { name: 'Mulai' }));
    expect(screen.getByRole('status').textContent).toBe('Menyiapkan…');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Batal' }));
    act(() => control.report(40));
    expect(screen.getByRole('status').textContent).toBe('40 %');
    await act(async () => control.resolve('paket.pdf'));
    expect(done).toHaveBeenCalledWith('paket.pdf');
    expect(screen.getByRole('button', { name: 'Mulai' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText('Dibatalkan.')).toBeNull();
  });

  it('Cancel stops the work at once, says so, gives focus back, and a late result is dropped', async () => {
    const user = userEvent.setup();
    const { work, control } = manualWork<string>();
    const done = vi.fn();
    render(<JobDialog work={work} handlers={{ done, describe: () => 'Gagal.' }} />);
    await user.click(screen.getByRole('button', { name: 'Mulai' }));
    await user.keyboard('{Enter}');
    expect(control.signal?.aborted).toBe(true);
    expect(screen.getByText('Dibatalkan.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Mulai' }));
    await act(async () => control.resolve('too late'));
    expect(done).not.toHaveBeenCalled();
  });

  it('says a failure in words, logs it, and puts focus back on the start button', async () => {
    const user = userEvent.setup();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { work, control } = manualWork<string>();
    const failed = vi.fn();
    render(<JobDialog work={work} handlers={{ describe: (e) => `Gagal: ${(e as Error).message}`, failed }} />);
    await user.click(screen.getByRole('button', { name: 'Mulai' }));
    await act(async () => control.reject(new Error('disk penuh')));
    expect(screen.getByRole('alert').textContent).toBe('Gagal: disk penuh');
    expect(failed).toHaveBeenCalledOnce();
    expect(logged).toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Mulai' }));
    // Starting again clears the old error.
    await user.click(screen.getByRole('button', { name: 'Mulai' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('stops the work when the dialog closes mid-way', async () => {
    const user = userEvent.setup();
    const { work, control } = manualWork<string>();
    const done = vi.fn();
    const view = render(<JobDialog work={work} handlers={{ done, describe: () => 'Gagal.' }} />);
    await user.click(screen.getByRole('button', { name: 'Mulai' }));
    view.unmount();
    expect(control.signal?.aborted).toBe(true);
    expect(done).not.toHaveBeenCalled();
  });

  it('a second job stops the first, whose late progress and result are ignored', async () => {
    const first = manualWork<string>();
    const second = manualWork<string>();
    const done = vi.fn();
    render(<JobDialog work={first.work} handlers={{ done, describe: () => 'Gagal.' }} />);
    await act(async () => void job!.run(first.work, { done, describe: () => 'Gagal.' }));
    await act(async () => void job!.run(second.work, { done, describe: () => 'Gagal.' }));
    expect(first.control.signal?.aborted).toBe(true);
    act(() => first.control.report(99));
    expect(screen.getByRole('status').textContent).toBe('Menyiapkan…');
    act(() => second.control.report(10));
    expect(screen.getByRole('status').textContent).toBe('10 %');
    await act(async () => second.control.resolve('kedua'));
    expect(done.mock.calls).toEqual([['kedua']]);
    expect(screen.queryByText('Dibatalkan.')).toBeNull();
  });

  it('work that settles on Cancel hands over what it has (a batch’s report)', async () => {
    const user = userEvent.setup();
    let signal: AbortSignal | null = null;
    let finish: (value: string) => void = () => {};
    const work: JobWork<number, string> = (s) =>
      new Promise<string>((resolve) => {
        signal = s;
        finish = resolve;
      });
    const done = vi.fn();
    render(<JobDialog work={work} handlers={{ done, settlesOnCancel: true }} />);
    await user.click(screen.getByRole('button', { name: 'Mulai' }));
    await user.click(screen.getByRole('button', { name: 'Batal' }));
    expect(signal!.aborted).toBe(true);
    // Still running until the work stops between two packs.
    expect(screen.getByRole('button', { name: 'Batal' })).toBeTruthy();
    await act(async () => finish('3 of 10 written'));
    expect(done).toHaveBeenCalledWith('3 of 10 written');
  });
});

import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useProposedFields } from '#renderer/src/ui/useProposedFields.ts';

let proposeFolder: (folder: string) => void = () => undefined;

function FolderField() {
  const fields = useProposedFields({ folder: '' });
  proposeFolder = (folder) => fields.propose({ folder });
  return (
    <label>
      Folder
      <input {...fields.bind('folder')} />
    </label>
  );
}

describe('a field that a host answer pre-fills', () => {
  it('takes the proposal while nobody has touched it', () => {
    render(<FolderField />);
    act(() => proposeFolder('/home/sari/Kemas Studio/Ekspor'));
    expect(screen.getByLabelText('Folder')).toHaveProperty('value', '/home/sari/Kemas Studio/Ekspor');
  });

  it('keeps what the person typed when the proposal lands after the field was cleared and before the typing', async () => {
    const user = userEvent.setup();
    render(<FolderField />);
    const field = screen.getByLabelText('Folder');
    await user.click(field);
    await user.clear(field);
    act(() => proposeFolder('/home/sari/Kemas Studio/Ekspor'));
    await user.type(field, '/tmp/Pilihan');
    expect(field).toHaveProperty('value', '/tmp/Pilihan');
  });

  it('keeps an empty field empty once it has had focus, so a later answer cannot join the next keystrokes', () => {
    render(<FolderField />);
    const field = screen.getByLabelText('Folder');
    act(() => field.focus());
    act(() => proposeFolder('/home/sari/Kemas Studio/Ekspor'));
    expect(field).toHaveProperty('value', '');
  });
});

import { useCallback, useRef, useState, type FocusEvent } from 'react';

/**
 * Text fields that an answer from the host may pre-fill (a proposed folder,
 * saved settings) while the person may already be typing.
 *
 * A proposal only fills a field that the person has not touched since the
 * form appeared: focusing it counts, as does any input. Without this rule an
 * answer that lands between the clearing of a field and the typing into it
 * (a slow laptop, or Playwright's `fill`) glues the two texts together, and
 * the work goes to a folder nobody named.
 */
export function useProposedFields<K extends string>(initial: Record<K, string>) {
  const [values, setValues] = useState<Record<K, string>>(initial);
  /** The host's latest proposal per field, kept to be offered when it did not fill a touched field. */
  const [proposed, setProposed] = useState<Partial<Record<K, string>>>({});
  const touched = useRef(new Set<K>());

  /** Fills every field of `proposal` that nobody has touched yet. */
  const propose = useCallback((proposal: Partial<Record<K, string>>) => {
    setProposed((current) => ({ ...current, ...proposal }));
    setValues((current) => {
      const next = { ...current };
      let changed = false;
      for (const key of Object.keys(proposal) as K[]) {
        const value = proposal[key];
        if (value === undefined || touched.current.has(key) || next[key] === value) continue;
        next[key] = value;
        changed = true;
      }
      return changed ? next : current;
    });
  }, []);

  /** The person's own value (typed, picked in a dialog, reset to defaults): the field counts as touched. */
  const set = useCallback((key: K, value: string) => {
    touched.current.add(key);
    setValues((current) => (current[key] === value ? current : { ...current, [key]: value }));
  }, []);

  /** Props for an `<input>`: its value, and the events that mark it touched. */
  const bind = useCallback(
    (key: K, onInput?: () => void) => ({
      value: values[key],
      onFocus: (_event: FocusEvent<HTMLInputElement>) => {
        touched.current.add(key);
      },
      onChange: (event: { target: { value: string } }) => {
        set(key, event.target.value);
        onInput?.();
      },
    }),
    [values, set],
  );

  return { values, proposed, propose, set, bind };
}

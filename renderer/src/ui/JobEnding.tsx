/**
 * How a long job that was asked for ended, under its form: a quiet "cancelled"
 * status, or the error it failed with as an alert. Nothing while neither.
 */
export function JobEnding({ cancelled, cancelledText, error }: { cancelled: boolean; cancelledText: string; error: string | null }) {
  return (
    <>
      {cancelled ? (
        <p className="muted" role="status">
          {cancelledText}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

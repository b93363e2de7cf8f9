/** A form's button bar: Cancel, then the submit button, disabled (and relabelled) while the form is sent. */
export function FormActions({
  onCancel,
  pending,
  submitLabel,
  pendingLabel = 'Saving…',
}: {
  onCancel: () => void;
  pending: boolean;
  submitLabel: string;
  pendingLabel?: string;
}) {
  return (
    <div className="form-actions">
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </div>
  );
}

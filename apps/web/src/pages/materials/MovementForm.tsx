import { type Material, MovementBody } from '@logi/contracts';
import { type FormEvent, useState } from 'react';
import { useMaterialMovement } from '../../api/mutations.ts';
import { numberOrUndefined, textOrUndefined, useSubmitForm } from '../../forms/useSubmitForm.ts';
import { Field } from '../../ui/Field.tsx';
import { FormError } from '../../ui/FormError.tsx';

const FIELDS = ['type', 'quantity', 'note'] as const;

export function MovementForm({
  material,
  onDone,
  onCancel,
}: {
  material: Material;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState({ type: 'exit', quantity: '', note: '' });
  const move = useMaterialMovement();
  const { fieldErrors, formError, pending, handleSubmit } = useSubmitForm({
    schema: MovementBody,
    fields: FIELDS,
    submit: (body) => move.mutateAsync({ id: material.id, body }),
    onSuccess: onDone,
  });
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void handleSubmit({
      type: values.type,
      quantity: numberOrUndefined(values.quantity),
      note: textOrUndefined(values.note),
    });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p className="muted">
        In stock: {material.quantity} {material.unit} (minimum {material.min_stock})
      </p>
      <FormError message={formError} />
      <Field label="Movement" error={fieldErrors.type}>
        {(p) => (
          <select {...p} value={values.type} onChange={set('type')}>
            <option value="entry">Entry (stock in)</option>
            <option value="exit">Exit (stock out)</option>
          </select>
        )}
      </Field>
      <Field label="Quantity" error={fieldErrors.quantity}>
        {(p) => <input {...p} inputMode="numeric" value={values.quantity} onChange={set('quantity')} />}
      </Field>
      <Field label="Note (optional)" error={fieldErrors.note}>
        {(p) => <input {...p} value={values.note} onChange={set('note')} maxLength={500} />}
      </Field>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? 'Saving…' : 'Record movement'}
        </button>
      </div>
    </form>
  );
}

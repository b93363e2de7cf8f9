import { type Material, MovementBody } from '@logi/contracts';
import { useMaterialMovement } from '../../api/mutations.ts';
import { useForm } from '../../forms/useForm.ts';
import { numberOrUndefined, textOrUndefined } from '../../forms/useSubmitForm.ts';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
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
  const move = useMaterialMovement();
  const { bind, onSubmit, fieldErrors, formError, pending } = useForm({
    initial: { type: 'exit', quantity: '', note: '' },
    toInput: (v) => ({
      type: v.type,
      quantity: numberOrUndefined(v.quantity),
      note: textOrUndefined(v.note),
    }),
    schema: MovementBody,
    fields: FIELDS,
    submit: (body) => move.mutateAsync({ id: material.id, body }),
    onSuccess: onDone,
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p className="muted">
        In stock: {material.quantity} {material.unit} (minimum {material.min_stock})
      </p>
      <FormError message={formError} />
      <Field label="Movement" error={fieldErrors.type}>
        {(p) => (
          <select {...p} {...bind('type')}>
            <option value="entry">Entry (stock in)</option>
            <option value="exit">Exit (stock out)</option>
          </select>
        )}
      </Field>
      <Field label="Quantity" error={fieldErrors.quantity}>
        {(p) => <input {...p} inputMode="numeric" {...bind('quantity')} />}
      </Field>
      <Field label="Note (optional)" error={fieldErrors.note}>
        {(p) => <input {...p} {...bind('note')} maxLength={500} />}
      </Field>
      <FormActions onCancel={onCancel} pending={pending} submitLabel="Record movement" />
    </form>
  );
}

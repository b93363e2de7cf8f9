import { CreatePaymentBody, type Payment } from '@logi/contracts';
import { type FormEvent, useState } from 'react';
import { useCreatePayment } from '../../api/mutations.ts';
import { useUsers } from '../../api/queries.ts';
import { numberOrUndefined, textOrUndefined, useSubmitForm } from '../../forms/useSubmitForm.ts';
import { Field } from '../../ui/Field.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { todayIso } from '../../ui/format.ts';

const FIELDS = ['type', 'amount', 'due_date', 'counterparty_user_id', 'reference', 'description'] as const;

export function PaymentForm({ onDone, onCancel }: { onDone: (p: Payment) => void; onCancel: () => void }) {
  const [values, setValues] = useState({
    type: 'payable',
    amount: '',
    due_date: todayIso(),
    counterparty_user_id: '',
    reference: '',
    description: '',
  });
  const users = useUsers(true);
  const create = useCreatePayment();
  const { fieldErrors, formError, pending, handleSubmit } = useSubmitForm({
    schema: CreatePaymentBody,
    fields: FIELDS,
    submit: (body) => create.mutateAsync(body),
    onSuccess: onDone,
  });
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void handleSubmit({
      type: values.type,
      amount: numberOrUndefined(values.amount),
      due_date: values.due_date,
      counterparty_user_id: textOrUndefined(values.counterparty_user_id) ?? null,
      reference: values.reference,
      description: values.description,
    });
  };
  const counterparties = (users.data ?? []).filter((u) => u.role !== 'admin');

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <div className="form-row">
        <Field label="Type" error={fieldErrors.type}>
          {(p) => (
            <select {...p} value={values.type} onChange={set('type')}>
              <option value="payable">Payable (we pay)</option>
              <option value="receivable">Receivable (we are paid)</option>
            </select>
          )}
        </Field>
        <Field label="Amount" error={fieldErrors.amount} hint="In USD, at most two decimals.">
          {(p) => <input {...p} inputMode="decimal" value={values.amount} onChange={set('amount')} />}
        </Field>
      </div>
      <Field label="Due date" error={fieldErrors.due_date}>
        {(p) => <input {...p} type="date" value={values.due_date} onChange={set('due_date')} />}
      </Field>
      <Field label="Counterparty (optional)" error={fieldErrors.counterparty_user_id}>
        {(p) => (
          <select {...p} value={values.counterparty_user_id} onChange={set('counterparty_user_id')}>
            <option value="">None</option>
            {counterparties.map((u) => (
              <option key={u.id} value={u.id}>
                {u.company_name || `${u.first_name} ${u.last_name}`} ({u.role})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Reference" error={fieldErrors.reference}>
        {(p) => <input {...p} value={values.reference} onChange={set('reference')} maxLength={64} />}
      </Field>
      <Field label="Description" error={fieldErrors.description}>
        {(p) => <input {...p} value={values.description} onChange={set('description')} maxLength={500} />}
      </Field>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? 'Saving…' : 'Create payment'}
        </button>
      </div>
    </form>
  );
}

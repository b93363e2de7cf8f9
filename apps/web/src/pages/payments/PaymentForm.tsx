import { CreatePaymentBody, type Payment } from '@logi/contracts';
import { useCreatePayment } from '../../api/mutations.ts';
import { useUsers } from '../../api/queries.ts';
import { useForm } from '../../forms/useForm.ts';
import { numberOrUndefined, textOrUndefined } from '../../forms/useSubmitForm.ts';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { todayIso } from '../../ui/format.ts';

const FIELDS = ['type', 'amount', 'due_date', 'counterparty_user_id', 'reference', 'description'] as const;

export function PaymentForm({ onDone, onCancel }: { onDone: (p: Payment) => void; onCancel: () => void }) {
  const users = useUsers(true);
  const create = useCreatePayment();
  const { bind, onSubmit, fieldErrors, formError, pending } = useForm({
    initial: () => ({
      type: 'payable',
      amount: '',
      due_date: todayIso(),
      counterparty_user_id: '',
      reference: '',
      description: '',
    }),
    toInput: (v) => ({
      type: v.type,
      amount: numberOrUndefined(v.amount),
      due_date: v.due_date,
      counterparty_user_id: textOrUndefined(v.counterparty_user_id) ?? null,
      reference: v.reference,
      description: v.description,
    }),
    schema: CreatePaymentBody,
    fields: FIELDS,
    submit: (body) => create.mutateAsync(body),
    onSuccess: onDone,
  });
  const counterparties = (users.data ?? []).filter((u) => u.role !== 'admin');

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <div className="form-row">
        <Field label="Type" error={fieldErrors.type}>
          {(p) => (
            <select {...p} {...bind('type')}>
              <option value="payable">Payable (we pay)</option>
              <option value="receivable">Receivable (we are paid)</option>
            </select>
          )}
        </Field>
        <Field label="Amount" error={fieldErrors.amount} hint="In USD, at most two decimals.">
          {(p) => <input {...p} inputMode="decimal" {...bind('amount')} />}
        </Field>
      </div>
      <Field label="Due date" error={fieldErrors.due_date}>
        {(p) => <input {...p} type="date" {...bind('due_date')} />}
      </Field>
      <Field label="Counterparty (optional)" error={fieldErrors.counterparty_user_id}>
        {(p) => (
          <select {...p} {...bind('counterparty_user_id')}>
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
        {(p) => <input {...p} {...bind('reference')} maxLength={64} />}
      </Field>
      <Field label="Description" error={fieldErrors.description}>
        {(p) => <input {...p} {...bind('description')} maxLength={500} />}
      </Field>
      <FormActions onCancel={onCancel} pending={pending} submitLabel="Create payment" />
    </form>
  );
}

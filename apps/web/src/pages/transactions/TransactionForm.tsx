import { CreateTransactionBody, type Transaction } from '@logi/contracts';
import { useCreateTransaction, useUpdateTransaction } from '../../api/mutations.ts';
import { useForm } from '../../forms/useForm.ts';
import { numberOrUndefined, textOrUndefined } from '../../forms/useSubmitForm.ts';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { todayIso } from '../../ui/format.ts';
import { CategoryField } from '../shared/CategoryField.tsx';

const FIELDS = ['type', 'amount', 'category_id', 'date', 'description', 'project_id'] as const;

interface Props {
  /** Edit this transaction; create a new one when absent. */
  transaction?: Transaction;
  onDone: (saved: Transaction) => void;
  onCancel: () => void;
}

export function TransactionForm({ transaction, onDone, onCancel }: Props) {
  const create = useCreateTransaction();
  const update = useUpdateTransaction();
  const { values, bind, onSubmit, fieldErrors, formError, pending } = useForm({
    initial: () => ({
      type: transaction?.type ?? 'expense',
      amount: transaction ? String(transaction.amount) : '',
      category_id: transaction?.category_id ?? '',
      date: transaction?.date ?? todayIso(),
      description: transaction?.description ?? '',
      project_id: transaction?.project_id ?? '',
    }),
    toInput: (v) => ({
      type: v.type,
      amount: numberOrUndefined(v.amount),
      category_id: textOrUndefined(v.category_id),
      date: v.date,
      description: v.description,
      project_id: textOrUndefined(v.project_id) ?? null,
    }),
    schema: CreateTransactionBody,
    fields: FIELDS,
    submit: (body) =>
      transaction ? update.mutateAsync({ id: transaction.id, body }) : create.mutateAsync(body),
    onSuccess: onDone,
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field label="Type" error={fieldErrors.type}>
        {(p) => (
          <select {...p} {...bind('type')}>
            <option value="expense">Expense</option>
            <option value="income">Income</option>
          </select>
        )}
      </Field>
      <Field label="Amount" error={fieldErrors.amount} hint="In USD, at most two decimals.">
        {(p) => <input {...p} inputMode="decimal" autoComplete="off" {...bind('amount')} />}
      </Field>
      <CategoryField
        type={values.type}
        error={fieldErrors.category_id}
        explainLoadError
        {...bind('category_id')}
      />
      <Field label="Date" error={fieldErrors.date}>
        {(p) => <input {...p} type="date" {...bind('date')} />}
      </Field>
      <Field label="Description" error={fieldErrors.description}>
        {(p) => <input {...p} {...bind('description')} maxLength={500} />}
      </Field>
      <Field label="Project (optional)" error={fieldErrors.project_id}>
        {(p) => <input {...p} {...bind('project_id')} />}
      </Field>
      <FormActions
        onCancel={onCancel}
        pending={pending}
        submitLabel={transaction ? 'Save changes' : 'Create transaction'}
      />
    </form>
  );
}

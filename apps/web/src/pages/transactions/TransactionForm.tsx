import { CreateTransactionBody, type Transaction } from '@logi/contracts';
import { type FormEvent, useState } from 'react';
import { useCreateTransaction, useUpdateTransaction } from '../../api/mutations.ts';
import { useCategories } from '../../api/queries.ts';
import { numberOrUndefined, textOrUndefined, useSubmitForm } from '../../forms/useSubmitForm.ts';
import { Field } from '../../ui/Field.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { todayIso } from '../../ui/format.ts';

const FIELDS = ['type', 'amount', 'category_id', 'date', 'description', 'project_id'] as const;

interface Props {
  /** Edit this transaction; create a new one when absent. */
  transaction?: Transaction;
  onDone: (saved: Transaction) => void;
  onCancel: () => void;
}

export function TransactionForm({ transaction, onDone, onCancel }: Props) {
  const [values, setValues] = useState({
    type: transaction?.type ?? 'expense',
    amount: transaction ? String(transaction.amount) : '',
    category_id: transaction?.category_id ?? '',
    date: transaction?.date ?? todayIso(),
    description: transaction?.description ?? '',
    project_id: transaction?.project_id ?? '',
  });
  const categories = useCategories();
  const create = useCreateTransaction();
  const update = useUpdateTransaction();
  const { fieldErrors, formError, pending, handleSubmit } = useSubmitForm({
    schema: CreateTransactionBody,
    fields: FIELDS,
    submit: (body) =>
      transaction ? update.mutateAsync({ id: transaction.id, body }) : create.mutateAsync(body),
    onSuccess: onDone,
  });

  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void handleSubmit({
      type: values.type,
      amount: numberOrUndefined(values.amount),
      category_id: textOrUndefined(values.category_id),
      date: values.date,
      description: values.description,
      project_id: textOrUndefined(values.project_id) ?? null,
    });
  };

  const options = (categories.data ?? []).filter((c) => c.type === values.type);

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field label="Type" error={fieldErrors.type}>
        {(p) => (
          <select {...p} value={values.type} onChange={set('type')}>
            <option value="expense">Expense</option>
            <option value="income">Income</option>
          </select>
        )}
      </Field>
      <Field label="Amount" error={fieldErrors.amount} hint="In USD, at most two decimals.">
        {(p) => (
          <input
            {...p}
            inputMode="decimal"
            autoComplete="off"
            value={values.amount}
            onChange={set('amount')}
          />
        )}
      </Field>
      <Field
        label="Category"
        error={fieldErrors.category_id}
        hint={categories.isError ? 'Categories could not be loaded.' : undefined}
      >
        {(p) => (
          <select {...p} value={values.category_id} onChange={set('category_id')}>
            <option value="">{categories.isPending ? 'Loading…' : 'Choose a category'}</option>
            {options.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Date" error={fieldErrors.date}>
        {(p) => <input {...p} type="date" value={values.date} onChange={set('date')} />}
      </Field>
      <Field label="Description" error={fieldErrors.description}>
        {(p) => <input {...p} value={values.description} onChange={set('description')} maxLength={500} />}
      </Field>
      <Field label="Project (optional)" error={fieldErrors.project_id}>
        {(p) => <input {...p} value={values.project_id} onChange={set('project_id')} />}
      </Field>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? 'Saving…' : transaction ? 'Save changes' : 'Create transaction'}
        </button>
      </div>
    </form>
  );
}

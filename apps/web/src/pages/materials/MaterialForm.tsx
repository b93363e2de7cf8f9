import { CreateMaterialBody, type Material } from '@logi/contracts';
import { type FormEvent, useState } from 'react';
import { useCreateMaterial } from '../../api/mutations.ts';
import { useCategories } from '../../api/queries.ts';
import { numberOrUndefined, textOrUndefined, useSubmitForm } from '../../forms/useSubmitForm.ts';
import { Field } from '../../ui/Field.tsx';
import { FormError } from '../../ui/FormError.tsx';

const FIELDS = [
  'reference',
  'name',
  'category_id',
  'location',
  'quantity',
  'min_stock',
  'unit',
  'unit_cost',
  'state',
] as const;

export function MaterialForm({ onDone, onCancel }: { onDone: (m: Material) => void; onCancel: () => void }) {
  const [values, setValues] = useState({
    reference: '',
    name: '',
    category_id: '',
    location: '',
    quantity: '0',
    min_stock: '0',
    unit: 'unit',
    unit_cost: '',
  });
  const categories = useCategories();
  const create = useCreateMaterial();
  const { fieldErrors, formError, pending, handleSubmit } = useSubmitForm({
    schema: CreateMaterialBody,
    fields: FIELDS,
    submit: (body) => create.mutateAsync(body),
    onSuccess: onDone,
  });
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void handleSubmit({
      reference: values.reference,
      name: values.name,
      category_id: textOrUndefined(values.category_id),
      location: values.location,
      quantity: numberOrUndefined(values.quantity),
      min_stock: numberOrUndefined(values.min_stock),
      unit: values.unit,
      unit_cost: numberOrUndefined(values.unit_cost),
    });
  };
  const options = (categories.data ?? []).filter((c) => c.type === 'material');

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <div className="form-row">
        <Field label="Reference" error={fieldErrors.reference}>
          {(p) => <input {...p} value={values.reference} onChange={set('reference')} />}
        </Field>
        <Field label="Name" error={fieldErrors.name}>
          {(p) => <input {...p} value={values.name} onChange={set('name')} />}
        </Field>
      </div>
      <Field label="Category" error={fieldErrors.category_id}>
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
      <Field label="Location" error={fieldErrors.location}>
        {(p) => <input {...p} value={values.location} onChange={set('location')} />}
      </Field>
      <div className="form-row">
        <Field label="Quantity" error={fieldErrors.quantity}>
          {(p) => <input {...p} inputMode="numeric" value={values.quantity} onChange={set('quantity')} />}
        </Field>
        <Field label="Minimum stock" error={fieldErrors.min_stock}>
          {(p) => <input {...p} inputMode="numeric" value={values.min_stock} onChange={set('min_stock')} />}
        </Field>
      </div>
      <div className="form-row">
        <Field label="Unit" error={fieldErrors.unit}>
          {(p) => <input {...p} value={values.unit} onChange={set('unit')} />}
        </Field>
        <Field label="Unit cost" error={fieldErrors.unit_cost}>
          {(p) => <input {...p} inputMode="decimal" value={values.unit_cost} onChange={set('unit_cost')} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? 'Saving…' : 'Create material'}
        </button>
      </div>
    </form>
  );
}

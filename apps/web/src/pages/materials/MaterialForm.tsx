import { CreateMaterialBody, type Material } from '@logi/contracts';
import { useCreateMaterial } from '../../api/mutations.ts';
import { useForm } from '../../forms/useForm.ts';
import { numberOrUndefined, textOrUndefined } from '../../forms/useSubmitForm.ts';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { CategoryField } from '../shared/CategoryField.tsx';

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
  const create = useCreateMaterial();
  const { bind, onSubmit, fieldErrors, formError, pending } = useForm({
    initial: {
      reference: '',
      name: '',
      category_id: '',
      location: '',
      quantity: '0',
      min_stock: '0',
      unit: 'unit',
      unit_cost: '',
    },
    toInput: (v) => ({
      reference: v.reference,
      name: v.name,
      category_id: textOrUndefined(v.category_id),
      location: v.location,
      quantity: numberOrUndefined(v.quantity),
      min_stock: numberOrUndefined(v.min_stock),
      unit: v.unit,
      unit_cost: numberOrUndefined(v.unit_cost),
    }),
    schema: CreateMaterialBody,
    fields: FIELDS,
    submit: (body) => create.mutateAsync(body),
    onSuccess: onDone,
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <div className="form-row">
        <Field label="Reference" error={fieldErrors.reference}>
          {(p) => <input {...p} {...bind('reference')} />}
        </Field>
        <Field label="Name" error={fieldErrors.name}>
          {(p) => <input {...p} {...bind('name')} />}
        </Field>
      </div>
      <CategoryField type="material" error={fieldErrors.category_id} {...bind('category_id')} />
      <Field label="Location" error={fieldErrors.location}>
        {(p) => <input {...p} {...bind('location')} />}
      </Field>
      <div className="form-row">
        <Field label="Quantity" error={fieldErrors.quantity}>
          {(p) => <input {...p} inputMode="numeric" {...bind('quantity')} />}
        </Field>
        <Field label="Minimum stock" error={fieldErrors.min_stock}>
          {(p) => <input {...p} inputMode="numeric" {...bind('min_stock')} />}
        </Field>
      </div>
      <div className="form-row">
        <Field label="Unit" error={fieldErrors.unit}>
          {(p) => <input {...p} {...bind('unit')} />}
        </Field>
        <Field label="Unit cost" error={fieldErrors.unit_cost}>
          {(p) => <input {...p} inputMode="decimal" {...bind('unit_cost')} />}
        </Field>
      </div>
      <FormActions onCancel={onCancel} pending={pending} submitLabel="Create material" />
    </form>
  );
}

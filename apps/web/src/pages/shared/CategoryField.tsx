import type { Category } from '@logi/contracts';
import { useCategories } from '../../api/queries.ts';
import { Field } from '../../ui/Field.tsx';

/** "Category": a select of the categories of one type, loaded from the server. */
export function CategoryField({
  type,
  error,
  value,
  onChange,
  explainLoadError = false,
}: {
  type: Category['type'];
  error: string | undefined;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  /** Say under the field when the categories could not be loaded. */
  explainLoadError?: boolean;
}) {
  const categories = useCategories();
  const options = (categories.data ?? []).filter((c) => c.type === type);
  return (
    <Field
      label="Category"
      error={error}
      hint={explainLoadError && categories.isError ? 'Categories could not be loaded.' : undefined}
    >
      {(p) => (
        <select {...p} value={value} onChange={onChange}>
          <option value="">{categories.isPending ? 'Loading…' : 'Choose a category'}</option>
          {options.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

import { type FormEvent, useState } from 'react';
import { type Schema, useSubmitForm } from './useSubmitForm.ts';

/**
 * A form over text values: `bind(name)` wires a control to its value, and `onSubmit` turns the values
 * into the request body with `toInput`, then validates and sends it as `useSubmitForm` does.
 */
export function useForm<V extends Record<string, string>, T, R>(options: {
  initial: V | (() => V);
  toInput: (values: V) => unknown;
  schema: Schema<T>;
  fields: readonly string[];
  submit: (data: T) => Promise<R>;
  onSuccess?: (result: R) => void;
}) {
  const [values, setValues] = useState<V>(options.initial);
  const form = useSubmitForm(options);

  const bind = (name: keyof V) => ({
    value: values[name],
    onChange: (event: { target: { value: string } }) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.handleSubmit(options.toInput(values));
  };

  return { ...form, values, bind, onSubmit };
}

import { useState } from 'react';
import { ApiError } from '../api/client.ts';

/** The part of a zod schema we need, so forms validate exactly as the server does. */
export interface Schema<T> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } };
}

export type FieldErrors = Record<string, string>;

export function issuesToFieldErrors(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/**
 * Validate with the contract schema, send, and spread the server's 422 field errors onto the fields.
 * Errors for paths that no field shows are listed in `formError` so nothing is silently lost.
 */
export function useSubmitForm<T, R>(options: {
  schema: Schema<T>;
  fields: readonly string[];
  submit: (data: T) => Promise<R>;
  onSuccess?: (result: R) => void;
}) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const split = (errors: FieldErrors, detail: string | null) => {
    const shown: FieldErrors = {};
    const other: string[] = [];
    for (const [path, message] of Object.entries(errors)) {
      if (options.fields.includes(path)) shown[path] = message;
      else other.push(message);
    }
    setFieldErrors(shown);
    const parts = [detail, ...other].filter((p): p is string => Boolean(p));
    setFormError(parts.length ? parts.join(' ') : null);
  };

  const handleSubmit = async (input: unknown) => {
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) {
      split(issuesToFieldErrors(parsed.error.issues), null);
      return;
    }
    split({}, null);
    setPending(true);
    try {
      const result = await options.submit(parsed.data);
      options.onSuccess?.(result);
    } catch (error) {
      if (error instanceof ApiError) split(error.fieldErrors, error.detail);
      else split({}, 'Something went wrong. Please try again.');
    } finally {
      setPending(false);
    }
  };

  return { fieldErrors, formError, pending, handleSubmit };
}

/** `""` → undefined (so "required" fires), anything else → a number (NaN fails the schema with its message). */
export function numberOrUndefined(value: string): number | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

export function textOrUndefined(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

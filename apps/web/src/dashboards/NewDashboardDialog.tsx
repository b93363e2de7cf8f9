import { CreateDashboardBody, type Dashboard } from '@logi/contracts';
import { type FormEvent, useState } from 'react';
import { textOrUndefined, useSubmitForm } from '../forms/useSubmitForm.ts';
import { Field } from '../ui/Field.tsx';
import { FormActions } from '../ui/FormActions.tsx';
import { FormError } from '../ui/FormError.tsx';
import { Modal } from '../ui/Modal.tsx';
import { dashboardApi, useDashboardMutation, useTemplates } from './api.ts';

const FIELDS = ['name', 'from_template'] as const;

/** Name and an optional template; the first dashboard a user makes becomes the default. */
export function NewDashboardDialog({
  isFirst,
  onCreated,
  onClose,
}: {
  isFirst: boolean;
  onCreated: (dashboard: Dashboard) => void;
  onClose: () => void;
}) {
  const templates = useTemplates();
  const [name, setName] = useState('');
  const [template, setTemplate] = useState('');
  const create = useDashboardMutation(dashboardApi.create);
  const { fieldErrors, formError, pending, handleSubmit } = useSubmitForm({
    schema: CreateDashboardBody,
    fields: FIELDS,
    submit: (body) => create.mutateAsync(body),
    onSuccess: onCreated,
  });
  const chosen = templates.data?.find((t) => t.name === template);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void handleSubmit({ name: name.trim(), from_template: textOrUndefined(template), is_default: isFirst });
  };

  return (
    <Modal title="New dashboard" onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError message={formError} />
        <Field label="Name" error={fieldErrors.name}>
          {(p) => (
            <input {...p} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required />
          )}
        </Field>
        <Field
          label="Template"
          error={
            fieldErrors.from_template ?? (templates.isError ? 'Templates could not be loaded.' : undefined)
          }
          hint={chosen?.description ?? 'Start empty and add widgets yourself.'}
        >
          {(p) => (
            <select {...p} value={template} onChange={(e) => setTemplate(e.target.value)}>
              <option value="">Blank dashboard</option>
              {templates.data?.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormActions
          onCancel={onClose}
          pending={pending}
          submitLabel="Create dashboard"
          pendingLabel="Creating…"
        />
      </form>
    </Modal>
  );
}

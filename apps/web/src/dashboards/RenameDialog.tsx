import { type Dashboard, UpdateDashboardBody } from '@logi/contracts';
import { type FormEvent, useState } from 'react';
import { useSubmitForm } from '../forms/useSubmitForm.ts';
import { Field } from '../ui/Field.tsx';
import { FormActions } from '../ui/FormActions.tsx';
import { FormError } from '../ui/FormError.tsx';
import { Modal } from '../ui/Modal.tsx';
import { dashboardApi, useDashboardMutation } from './api.ts';

export function RenameDialog({ dashboard, onClose }: { dashboard: Dashboard; onClose: () => void }) {
  const [name, setName] = useState(dashboard.name);
  const update = useDashboardMutation((body: { name?: string }) => dashboardApi.update(dashboard.id, body));
  const { fieldErrors, formError, pending, handleSubmit } = useSubmitForm({
    schema: UpdateDashboardBody,
    fields: ['name'],
    submit: (body) => update.mutateAsync(body),
    onSuccess: onClose,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void handleSubmit({ name: name.trim() });
  };

  return (
    <Modal title="Rename dashboard" onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError message={formError} />
        <Field label="Name" error={fieldErrors.name}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />}
        </Field>
        <FormActions onCancel={onClose} pending={pending} submitLabel="Save name" pendingLabel="Save name" />
      </form>
    </Modal>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { t } from '../../i18n/index';
import type { Template } from '../config-types';
import { FieldProblems } from './field-problems';
import { TEMPLATES_KEY } from './template-queries';

/**
 * Deleting asks twice (a second button, no browser dialog). Its versions stay for the mail that
 * names them; the global templates Casework sends cannot go, and the API's refusal says so.
 */
export function DeleteTemplate({ template }: { template: Template }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api(`/templates/${template.id}`, 'DELETE'),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: TEMPLATES_KEY });
      void navigate('/admin/templates');
    },
    onError: () => setConfirming(false),
  });
  return (
    <section aria-labelledby="delete-template-heading" className="delete-template">
      <h2 id="delete-template-heading">{t('adminConfig.templates.deleteHeading')}</h2>
      <div className="config-actions">
        {confirming ? (
          <>
            <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
              {t('adminConfig.templates.confirmDelete')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('adminConfig.rules.cancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('adminConfig.templates.delete')}
          </button>
        )}
      </div>
      <FieldProblems error={remove.error} />
    </section>
  );
}

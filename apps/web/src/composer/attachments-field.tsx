import { t } from '../i18n/index';
import { formatBytes, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, totalBytes } from './reply-fields';

/** Why these files cannot go with a reply (the API's limits), or null. */
export function attachmentProblem(files: readonly File[]): string | null {
  if (files.length > MAX_ATTACHMENTS) return t('composer.attachTooMany', { max: MAX_ATTACHMENTS });
  const total = totalBytes(files);
  return total > MAX_ATTACHMENT_BYTES ? t('composer.attachTooLarge', { size: formatBytes(total), max: formatBytes(MAX_ATTACHMENT_BYTES) }) : null;
}

const fileKey = (file: File, index: number) => `${index}:${file.name}:${file.size}:${file.lastModified}`;

/** The files a reply carries: picked (more can be added), listed with a remove button each, refused over the API's limits. */
export function AttachmentsField({ files, onChange }: { files: File[]; onChange: (files: File[]) => void }) {
  const problem = attachmentProblem(files);
  return (
    <div className="attachments-field">
      <label htmlFor="reply-files">{t('composer.attach')}</label>
      <input
        id="reply-files"
        type="file"
        multiple
        onChange={(event) => {
          onChange([...files, ...Array.from(event.target.files ?? [])]);
          // Emptied, so the same file can be picked again after a remove.
          event.target.value = '';
        }}
      />
      {files.length > 0 && (
        <>
          <ul className="chosen-files" aria-label={t('composer.attachments')}>
            {files.map((file, index) => (
              <li key={fileKey(file, index)}>
                <span dir="auto" className="name">
                  {file.name}
                </span>{' '}
                <span className="size">{formatBytes(file.size)}</span>{' '}
                <button type="button" aria-label={t('composer.removeFile', { name: file.name })} onClick={() => onChange(files.filter((_, other) => other !== index))}>
                  {t('composer.remove')}
                </button>
              </li>
            ))}
          </ul>
          <p className="hint">{t('composer.attachTotal', { size: formatBytes(totalBytes(files)), max: formatBytes(MAX_ATTACHMENT_BYTES) })}</p>
        </>
      )}
      {problem && (
        <p role="alert" className="warning">
          {problem}
        </p>
      )}
    </div>
  );
}

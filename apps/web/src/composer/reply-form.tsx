import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { formatTime } from '../i18n/format';
import { t } from '../i18n/index';
import { usePresence } from '../presence';
import { AttachmentsField, attachmentProblem } from './attachments-field';
import type { TemplateSelection } from './composer-types';
import { parseCc, readAttachments } from './reply-fields';
import { TemplatePicker } from './template-picker';
import { wrapsText } from './template-choice';
import { useDraft, type DraftStatus } from './use-draft';
import { useTemplateChoice } from './use-templates';

export interface ReplyFormProps {
  ticketId: string;
  language: string | null;
  queueSlug: string;
  lastArticleId: string | undefined;
  onStart: () => void;
  onSent: () => Promise<void>;
  onError: (cause: Error) => void;
}

function DraftNote({ status }: { status: DraftStatus }) {
  const text =
    status.kind === 'saved' ? t('composer.draftSaved') : status.kind === 'restored' ? t('composer.draftRestored', { time: formatTime(status.at) }) : status.kind === 'failed' ? t('composer.draftFailed', { message: status.message }) : '';
  return (
    <p className={`draft-status ${status.kind === 'failed' ? 'warning' : 'hint'}`} role="status">
      {text}
    </p>
  );
}

/**
 * The reply: its text (kept as a draft while written), a template or snippet with its preview,
 * Cc and files. A collision (409) keeps all of it; only a sent reply clears it.
 */
export function ReplyForm({ ticketId, language, queueSlug, lastArticleId, onStart, onSent, onError }: ReplyFormProps) {
  const [reply, setReply] = useState('');
  const [cc, setCc] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [selection, setSelection] = useState<TemplateSelection | null>(null);
  const [ccTouched, setCcTouched] = useState(false);
  const replyBox = useRef<HTMLTextAreaElement>(null);
  usePresence(ticketId, reply.trim() !== '');
  const draft = useDraft(ticketId, { body: reply, cc }, (restored) => {
    setReply(restored.body);
    setCc(restored.cc);
  });
  const choice = useTemplateChoice({ language, queueSlug }, selection);
  // A snippet is inserted into the text; only a message template goes out as one.
  const template = choice.chosen?.kind === 'message' ? choice.chosen : null;
  const standsAlone = template !== null && !wrapsText(template);
  const needsText = !standsAlone && reply.trim() === '';
  const textNotTaken = standsAlone && reply.trim() !== '';
  const ccCheck = parseCc(cc);
  const ccProblem = ccCheck.invalid ? t('composer.ccInvalid', { address: ccCheck.invalid }) : ccCheck.tooMany ? t('composer.ccTooMany', { max: 20 }) : null;

  const send = useMutation({
    mutationFn: async () => {
      const attachments = files.length > 0 ? await readAttachments(files) : [];
      return api(`/tickets/${ticketId}/replies`, 'POST', {
        ...(standsAlone ? {} : { body: reply }),
        ...(template ? { templateKey: template.key, locale: template.locale } : {}),
        ...(ccCheck.addresses.length > 0 ? { cc: ccCheck.addresses } : {}),
        ...(attachments.length > 0 ? { attachments } : {}),
        ...(lastArticleId ? { ifLastArticleId: lastArticleId } : {}),
      });
    },
    onMutate: onStart,
    onSuccess: async () => {
      void draft.discard();
      setReply('');
      setCc('');
      setFiles([]);
      setSelection(null);
      setCcTouched(false);
      await onSent();
    },
    onError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Refused here, before anything is read or sent (the API would refuse the same); each reason is shown by its field.
    setCcTouched(true);
    if (ccProblem === null && attachmentProblem(files) === null && !textNotTaken) send.mutate();
  };

  const insert = (text: string) => {
    const box = replyBox.current;
    const start = box?.selectionStart ?? reply.length;
    const end = box?.selectionEnd ?? reply.length;
    setReply(reply.slice(0, start) + text + reply.slice(end));
    setSelection(null);
    box?.focus();
  };

  return (
    <form className="reply-form" onSubmit={submit} noValidate>
      <TemplatePicker ticketId={ticketId} choice={choice} selection={selection} onSelect={setSelection} reply={reply} onInsert={insert} />
      {standsAlone && (
        <p className={textNotTaken ? 'warning' : 'hint'} role={textNotTaken ? 'alert' : undefined}>
          {t('composer.templateStandsAlone')}
        </p>
      )}
      <label htmlFor="reply">{t('composer.reply')}</label>
      <textarea id="reply" ref={replyBox} dir="auto" rows={6} value={reply} onChange={(event) => setReply(event.target.value)} />
      <DraftNote status={draft.status} />
      <label htmlFor="reply-cc">{t('composer.cc')}</label>
      <input
        id="reply-cc"
        type="text"
        inputMode="email"
        autoComplete="off"
        value={cc}
        aria-describedby="reply-cc-hint"
        aria-invalid={ccTouched && ccProblem !== null}
        onChange={(event) => setCc(event.target.value)}
        onBlur={() => setCcTouched(true)}
      />
      <p id="reply-cc-hint" className={ccTouched && ccProblem ? 'warning' : 'hint'}>
        {ccTouched && ccProblem ? ccProblem : t('composer.ccHint')}
      </p>
      <AttachmentsField files={files} onChange={setFiles} />
      <button type="submit" disabled={send.isPending || needsText}>
        {t('composer.send')}
      </button>
    </form>
  );
}

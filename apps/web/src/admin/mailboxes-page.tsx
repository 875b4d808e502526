import { Route, Routes } from 'react-router';
import './admin-people.css';
import { MailboxEdit } from './mailboxes/mailbox-edit';
import { MailboxList } from './mailboxes/mailbox-list';

/** /admin/mailboxes: the IMAP mailboxes ingest watches, the form to add one, and /admin/mailboxes/:id. */
export function MailboxesPage() {
  return (
    <Routes>
      <Route index element={<MailboxList />} />
      <Route path=":id" element={<MailboxEdit />} />
    </Routes>
  );
}

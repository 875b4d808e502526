import { Route, Routes } from 'react-router';
import './admin-people.css';
import { QueueEdit } from './queues/queue-edit';
import { QueueList } from './queues/queue-list';

/** /admin/queues: the list with the form to add one, and /admin/queues/:id to change one and its grants. */
export function QueuesPage() {
  return (
    <Routes>
      <Route index element={<QueueList />} />
      <Route path=":id" element={<QueueEdit />} />
    </Routes>
  );
}

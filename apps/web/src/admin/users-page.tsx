import { Route, Routes } from 'react-router';
import './admin-people.css';
import { UserEdit } from './users/user-edit';
import { UserList } from './users/user-list';

/** /admin/users: the list with the form to add one, and /admin/users/:id to change one and its tokens. */
export function UsersPage() {
  return (
    <Routes>
      <Route index element={<UserList />} />
      <Route path=":id" element={<UserEdit />} />
    </Routes>
  );
}

import { Route, Routes } from 'react-router';
import './admin-config.css';
import { TemplateDetail } from './templates/template-detail';
import { TemplateLibrary } from './templates/template-library';

/** /admin/templates: the library (filtered, with a form for a new one); /admin/templates/:id: one template's editor. */
export function TemplatesPage() {
  return (
    <Routes>
      <Route index element={<TemplateLibrary />} />
      <Route path=":id" element={<TemplateDetail />} />
    </Routes>
  );
}

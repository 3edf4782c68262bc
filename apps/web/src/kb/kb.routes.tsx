import { Outlet, Route, Routes } from 'react-router';
import { RequireRole } from '../auth/require-role';
import { KbArticlePage } from './kb-article-page';
import { KbDuplicatesPage } from './kb-duplicates-page';
import { KbEditorPage } from './kb-editor-page';
import { KbListPage } from './kb-list-page';
import { KbUploadPage } from './kb-upload-page';

/** The kb screens (owned by the admin/reports/kb developer); loaded lazily by app/router.tsx. Staff read, admins write. */
export function Component() {
  return (
    <RequireRole roles={['agent', 'manager', 'admin']}>
      <Routes>
        <Route index element={<KbListPage />} />
        <Route path="article/*" element={<KbArticlePage />} />
        <Route path="duplicates" element={<KbDuplicatesPage />} />
        <Route
          element={
            <RequireRole roles={['admin']}>
              <Outlet />
            </RequireRole>
          }
        >
          <Route path="edit/*" element={<KbEditorPage />} />
          <Route path="upload" element={<KbUploadPage />} />
        </Route>
      </Routes>
    </RequireRole>
  );
}

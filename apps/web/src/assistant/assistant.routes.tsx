import { Route, Routes } from 'react-router';
import { AssistantEmbedPage } from './assistant-embed-page';

/** Pages of the assistant that live outside the app's shell: the embeddable chat. */
export function Component() {
  return (
    <Routes>
      <Route path="embed" element={<AssistantEmbedPage />} />
    </Routes>
  );
}

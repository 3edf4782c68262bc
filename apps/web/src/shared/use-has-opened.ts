import { useState } from 'react';

/**
 * Whether `open` has been true at least once. A dialog's code is loaded when it first opens and it then stays
 * mounted, so it still plays its closing transition and hands focus back to what opened it.
 */
export function useHasOpened(open: boolean): boolean {
  const [hasOpened, setHasOpened] = useState(open);
  // Information from earlier renders, kept the way React documents it: set during render, no effect and no extra paint.
  if (open && !hasOpened) setHasOpened(true);
  return hasOpened;
}

import { useNotifications } from '@mantine/notifications';
import { lazy, Suspense, useEffect, useState } from 'react';

/** Mantine's notification container, its transitions and its stylesheet: loaded with the first notification. */
const NotificationsContainer = lazy(() => import('./notifications-container').then((module) => ({ default: module.NotificationsContainer })));

/**
 * `notifications.show()` only adds to Mantine's store; the container that renders the store is mounted once the
 * store first holds something, and stays for the later ones (and the exit transitions). Until then no screen
 * pays for it in its first load or its first render.
 */
export function NotificationsOnDemand() {
  const { notifications, queue } = useNotifications();
  const [needed, setNeeded] = useState(false);
  const pending = notifications.length + queue.length > 0;
  useEffect(() => {
    if (pending) setNeeded(true);
  }, [pending]);
  return needed ? (
    <Suspense fallback={null}>
      <NotificationsContainer />
    </Suspense>
  ) : null;
}

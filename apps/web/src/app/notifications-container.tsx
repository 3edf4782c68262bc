import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';

/** The app's notifications, top right; a module of its own so that it loads on demand (NotificationsOnDemand). */
export function NotificationsContainer() {
  return <Notifications position="top-right" />;
}

import { startTracing } from './tracing';

/**
 * Imported first by every app's main.ts, before anything else loads (see startTracing). The app's folder under
 * apps/ (from `node dist/apps/<app>/src/main.js`) is its service.name.
 */
const app = /(?:^|[\\/])apps[\\/]([^\\/]+)[\\/]src[\\/]main\.[jt]s$/.exec(process.argv[1] ?? '')?.[1];
startTracing(app ?? 'smartdesk');

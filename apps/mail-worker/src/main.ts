// First: tracing (when configured) must patch http and pg before anything loads them.
import '@smartdesk/observability/start-tracing';
import { runWorker } from '@smartdesk/runtime';
import { MAIL_PROCESSORS } from './processors';
import { MailWorkerModule } from './mail-worker.module';

void runWorker({ name: 'mail-worker', module: MailWorkerModule, processors: MAIL_PROCESSORS, dependencies: ['postgres', 'redis'] });

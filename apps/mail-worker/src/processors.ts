import { MailProcessor } from './mail.processor';

/** The queues this worker takes, a processor each: its module provides them, runWorker starts them. */
export const MAIL_PROCESSORS = [MailProcessor];

import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AttachmentsModule, IntakeModule } from '@smartdesk/channels';
import { SmartdeskConfigModule } from '@smartdesk/config';
import { QueueName } from '@smartdesk/contracts';
import { DatabaseModule } from '@smartdesk/database';
import { OperationsModule } from '@smartdesk/operations';
import { QueueModule } from '@smartdesk/runtime';
import { InboundMail } from './inbound/inbound-mail.service';
import { MailboxReader } from './inbound/mailbox-reader.service';
import { SmtpEndpoint } from './inbound/smtp-endpoint.service';
import { MailSender } from './outbound/mail-sender.service';
import { MAIL_PROCESSORS } from './processors';

@Module({
  imports: [SmartdeskConfigModule, DatabaseModule, QueueModule.forRoot('worker'), BullModule.registerQueue({ name: QueueName.Mail }), IntakeModule, OperationsModule, AttachmentsModule],
  providers: [MailboxReader, InboundMail, SmtpEndpoint, MailSender, ...MAIL_PROCESSORS],
})
export class MailWorkerModule {}

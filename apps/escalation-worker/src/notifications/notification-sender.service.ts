import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { Environment } from '@smartdesk/config';
import type { NotificationEntity } from '@smartdesk/database';
import type { EmailPayload } from './escalation-notices';
import { DELIVERY_HEADER, EVENT_HEADER, signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook-signature';

const WEBHOOK_TIMEOUT_MS = 10_000;

/** A failed delivery; `retryable` false when trying again cannot help (the receiver refused the request itself). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Receivers' answers worth retrying: their trouble, not ours. */
const RETRYABLE_STATUS = (status: number) => status >= 500 || status === 408 || status === 429;

/** Sends one stored notification: a signed JSON POST, or an email through SMTP. */
@Injectable()
export class NotificationSender implements OnModuleDestroy {
  private readonly mailer;

  constructor(private readonly env: Environment) {
    this.mailer = env.SMTP_URL ? createTransport(env.SMTP_URL) : null;
  }

  /** Resolves with the receiver's status (null for email); rejects with a DeliveryError. */
  async deliver(notification: NotificationEntity): Promise<number | null> {
    return notification.channel === 'webhook' ? this.post(notification) : this.email(notification);
  }

  private async post(notification: NotificationEntity): Promise<number> {
    if (!this.env.WEBHOOK_SIGNING_SECRET) throw new DeliveryError('WEBHOOK_SIGNING_SECRET is not set', null, false);
    const body = JSON.stringify({ deliveryId: notification.id, ...notification.payload });
    const timestamp = Math.floor(Date.now() / 1000);
    let response: Response;
    try {
      response = await fetch(notification.target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Smartdesk-Webhooks/1',
          [EVENT_HEADER]: notification.event,
          [DELIVERY_HEADER]: notification.id,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(this.env.WEBHOOK_SIGNING_SECRET, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
    } catch (error) {
      throw new DeliveryError(`POST ${notification.target} failed: ${(error as Error).message}`, null, true);
    }
    await response.body?.cancel();
    if (!response.ok) throw new DeliveryError(`POST ${notification.target} answered ${response.status}`, response.status, RETRYABLE_STATUS(response.status));
    return response.status;
  }

  private async email(notification: NotificationEntity): Promise<null> {
    if (!this.mailer) throw new DeliveryError('SMTP_URL is not set', null, false);
    const { subject, text } = notification.payload as unknown as EmailPayload;
    try {
      await this.mailer.sendMail({ from: this.env.ESCALATION_EMAIL_FROM, to: notification.target, subject, text, headers: { [DELIVERY_HEADER]: notification.id } });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      // 5xx SMTP replies are permanent (bad recipient, refused); the rest (4xx, connection trouble) may pass later.
      throw new DeliveryError(`email to ${notification.target} failed: ${(error as Error).message}`, code ?? null, !(code && code >= 500));
    }
    return null;
  }

  onModuleDestroy(): void {
    this.mailer?.close();
  }
}

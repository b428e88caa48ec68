import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { EnrollmentEnv } from '../config/env';
import { InvitationMail } from './invitation-mail';

/**
 * Sends mail over SMTP when SMTP_URL is set; otherwise writes each message as an .eml file to
 * MAIL_OUTBOX_DIR (git-ignored), which the gateway lists at GET /api/dev/mail outside production.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;
  readonly outboxDir: string | null;

  constructor(private readonly env: EnrollmentEnv) {
    if (env.SMTP_URL) {
      this.transport = createTransport(env.SMTP_URL);
      this.outboxDir = null;
    } else {
      this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.outboxDir = resolve(env.MAIL_OUTBOX_DIR);
    }
  }

  async send(mail: InvitationMail): Promise<void> {
    const info = (await this.transport.sendMail({
      from: this.env.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    })) as {
      message?: Buffer;
      messageId: string;
    };
    if (this.outboxDir && info.message) {
      await mkdir(this.outboxDir, { recursive: true });
      const safe = mail.to.replace(/[^A-Za-z0-9@._-]/g, '_');
      const file = join(this.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${safe}.eml`);
      await writeFile(file, info.message);
      this.logger.log(`No SMTP_URL: mail to ${mail.to} written to ${file}`);
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

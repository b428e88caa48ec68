import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { ScoringEnv } from '../config/env';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends mail over SMTP when SMTP_URL is set; otherwise writes each message as an .eml file to
 * MAIL_OUTBOX_DIR, the dev outbox enrollment's invitations go to (GET /api/dev/mail outside production).
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;
  private readonly outboxDir: string | null;

  constructor(private readonly env: ScoringEnv) {
    if (env.SMTP_URL) {
      this.transport = createTransport(env.SMTP_URL);
      this.outboxDir = null;
    } else {
      this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.outboxDir = resolve(env.MAIL_OUTBOX_DIR);
    }
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.transport.sendMail({ from: this.env.MAIL_FROM, ...mail })) as { message?: Buffer };
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

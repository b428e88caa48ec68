import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Public } from '../auth/current-user';
import { GatewayEnv } from '../config/env';

export interface DevMailItem {
  name: string;
  sizeBytes: number;
  writtenAt: string;
  to: string | null;
  subject: string | null;
}

const header = (raw: string, name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim() ?? null;
const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
// The pattern matches only the characters above; a numeric reference escapes any other just as well.
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? `&#${c.charCodeAt(0)};`);

/**
 * Development only (registered when NODE_ENV is not production): the invitations the enrollment
 * service wrote to MAIL_OUTBOX_DIR because no SMTP_URL was set, so the demo works offline.
 */
@ApiExcludeController()
@Public()
@Controller('dev/mail')
export class DevMailController {
  private readonly dir: string;

  constructor(env: GatewayEnv) {
    this.dir = resolve(env.MAIL_OUTBOX_DIR);
  }

  @Get()
  async list(): Promise<DevMailItem[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const items = await Promise.all(
      names
        .filter((name) => name.endsWith('.eml'))
        .map(async (name) => {
          const path = join(this.dir, name);
          const [info, raw] = await Promise.all([stat(path), readFile(path, 'utf8')]);
          const head = raw.slice(0, raw.search(/\r?\n\r?\n/) >>> 0);
          return {
            name,
            sizeBytes: info.size,
            writtenAt: info.mtime.toISOString(),
            to: header(head, 'To'),
            subject: header(head, 'Subject'),
          };
        }),
    );
    return items.sort((a, b) => b.writtenAt.localeCompare(a.writtenAt));
  }

  /** A small page listing the messages, newest first, each linking to its raw text. */
  @Get('page')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async page(): Promise<string> {
    const rows = (await this.list())
      .map(
        (m) =>
          `<tr><td>${escapeHtml(m.writtenAt)}</td><td>${escapeHtml(m.to ?? '')}</td><td><a href="/api/dev/mail/${encodeURIComponent(m.name)}">${escapeHtml(m.subject ?? m.name)}</a></td></tr>`,
      )
      .join('\n');
    return `<!doctype html><html><head><meta charset="utf-8"><title>Dev outbox</title></head><body><h1>Dev outbox (${escapeHtml(this.dir)})</h1><table data-testid="dev-mail-table"><tr><th>Written</th><th>To</th><th>Subject</th></tr>${rows}</table></body></html>`;
  }

  @Get(':name')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  async read(@Param('name') name: string): Promise<string> {
    if (!/^[A-Za-z0-9@._-]+\.eml$/.test(name)) throw new NotFoundException(`No message ${name} in the dev outbox.`);
    return readFile(join(this.dir, name), 'utf8').catch(() => {
      throw new NotFoundException(`No message ${name} in the dev outbox.`);
    });
  }
}

import { randomUUID } from 'node:crypto';

export interface Part {
  /** Sent as an RFC 2231 UTF-8 filename, so any characters survive the trip. */
  filename: string;
  contentType: string;
  content: Buffer;
  contentId?: string;
}

/** A multipart/mixed mail with a text part and base64 attachments. */
export function multipart(subject: string, parts: Part[], headers: string[] = []): Buffer {
  const boundary = `b-${randomUUID()}`;
  const lines = [
    'From: Rita Reporter <rita@example.org>',
    'To: safety@casework.test',
    `Subject: ${subject}`,
    `Message-ID: <${randomUUID()}@reporter.example>`,
    ...headers,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Evidence attached.',
  ];
  for (const part of parts) {
    lines.push(
      `--${boundary}`,
      `Content-Type: ${part.contentType}`,
      `Content-Disposition: ${part.contentId ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(part.filename)}`,
      'Content-Transfer-Encoding: base64',
      ...(part.contentId ? [`Content-ID: <${part.contentId}>`] : []),
      '',
      ...(part.content.toString('base64').match(/.{1,76}/g) ?? []),
    );
  }
  lines.push(`--${boundary}--`, '');
  return Buffer.from(lines.join('\r\n'));
}

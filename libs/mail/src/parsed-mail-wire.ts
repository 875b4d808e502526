import type { ParsedAttachment, ParsedMail } from './parsed-mail.js';

/**
 * A `ParsedMail` as it crosses a worker-thread boundary: plain structured-clone data. Headers
 * travel as entries; attachment contents arrive on the other side as Uint8Array (structured
 * clone does not keep the Buffer prototype) and become Buffers again without a copy.
 */
export interface WireAttachment extends Omit<ParsedAttachment, 'content'> {
  content: Uint8Array;
}

export interface WireMail extends Omit<ParsedMail, 'headers' | 'attachments'> {
  headers: [string, string][];
  attachments: WireAttachment[];
}

export function toWireMail(mail: ParsedMail): WireMail {
  return { ...mail, headers: [...mail.headers.entries()], attachments: mail.attachments.map((attachment) => ({ ...attachment })) };
}

export function fromWireMail(wire: WireMail): ParsedMail {
  return {
    ...wire,
    headers: new Map(wire.headers),
    attachments: wire.attachments.map((attachment) => ({ ...attachment, content: asBuffer(attachment.content) })),
  };
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

import { FALLBACK_ATTACHMENT_FILENAME } from '@casework/mail';

/**
 * `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 with
 * RFC 8187): always a download, never inline. The fallback keeps printable ASCII only, without
 * the quote, backslash and percent a client could misread; the encoded form carries the real name.
 */
export function attachmentDisposition(filename: string): string {
  const fallback =
    filename
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\%]/g, '_')
      .trim() || FALLBACK_ATTACHMENT_FILENAME;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(filename)}`;
}

/** Percent-encodes all but RFC 8187 attr-chars; encodeURIComponent leaves ' ( ) * as they are. */
function encodeRfc8187(value: string): string {
  // encodeURIComponent throws on a lone surrogate; stored names have none, but a header must not fail.
  const wellFormed = value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return encodeURIComponent(wellFormed).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The reply's Cc and attachments as the API takes them (`POST /tickets/:id/replies`), checked lightly before sending. */

/** The API's limits (apps/api/src/tickets/dto/reply.dto.ts): refused here first, with a clearer message. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;
export const MAX_CC = 20;

// Light on purpose: the API validates properly and its 400 is shown; this only catches typos early.
const ADDRESS = /^[^\s@,;<>]+@[^\s@,;<>]+$/;

export interface CcCheck {
  addresses: string[];
  /** The first entry that is no address, if any. */
  invalid: string | null;
  tooMany: boolean;
}

/** "a@x.org, b@y.org" → the addresses, and whatever is not one. */
export function parseCc(value: string): CcCheck {
  const addresses = value
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return { addresses, invalid: addresses.find((address) => !ADDRESS.test(address)) ?? null, tooMany: addresses.length > MAX_CC };
}

export interface ReplyAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

export function totalBytes(files: readonly Blob[]): number {
  return files.reduce((sum, file) => sum + file.size, 0);
}

/** The files as the API takes them, read only when the reply is sent. */
export function readAttachments(files: readonly File[]): Promise<ReplyAttachment[]> {
  return Promise.all(files.map(async (file) => ({ filename: file.name, contentType: file.type || 'application/octet-stream', contentBase64: await base64Of(file) })));
}

async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // In slices: String.fromCharCode takes its bytes as arguments, and a call has only so many.
  const SLICE = 0x8000;
  let binary = '';
  for (let start = 0; start < bytes.length; start += SLICE) binary += String.fromCharCode(...bytes.subarray(start, start + SLICE));
  return btoa(binary);
}

const KIB = 1024;

export function formatBytes(bytes: number): string {
  if (bytes < KIB) return `${bytes} B`;
  if (bytes < KIB * KIB) return `${(bytes / KIB).toFixed(1)} KB`;
  return `${(bytes / KIB / KIB).toFixed(1)} MB`;
}

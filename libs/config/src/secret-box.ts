import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ValidateBy, type ValidationOptions } from 'class-validator';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

/** How a valid key looks, for messages (never the key itself). */
export const SECRET_KEY_HINT = 'must be 32 bytes, base64 or hex encoded (e.g. `openssl rand -base64 32`)';

/**
 * The 32 key bytes of a MAILBOX_SECRET_KEY-style setting: 64 hex digits, or base64 / base64url
 * of exactly 32 bytes. Null for anything else.
 */
export function parseSecretKey(value: unknown): Buffer | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(text)) return null;
  const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.length === KEY_BYTES ? bytes : null;
}

/** Settings decorator: the value parses as a 32-byte key. The message never echoes the value. */
export function IsSecretKey(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isSecretKey', validator: { validate: (value) => parseSecretKey(value) !== null, defaultMessage: () => SECRET_KEY_HINT } }, options);
}

/** A sealed secret could not be opened: wrong key, another row's secret, or tampered bytes. */
export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

/**
 * AES-256-GCM for secrets kept in the database (mailbox passwords). A sealed value is
 * `v1:<base64 of iv(12) | tag(16) | ciphertext>`; `context` (e.g. the row id) is bound as
 * associated data, so a sealed value copied to another row does not open.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  /** From a setting's value; throws (without the value) when it is not a valid key. */
  static fromSetting(value: string, setting = 'MAILBOX_SECRET_KEY'): SecretBox {
    const key = parseSecretKey(value);
    if (!key) throw new Error(`${setting} ${SECRET_KEY_HINT}`);
    return new SecretBox(key);
  }

  /** For settings that may be unset: null when unset. */
  static optional(value: string | undefined, setting = 'MAILBOX_SECRET_KEY'): SecretBox | null {
    return value ? SecretBox.fromSetting(value, setting) : null;
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
  }

  open(sealed: string, context: string): string {
    const [version, payload, ...rest] = sealed.split(':');
    if (version !== VERSION || !payload || rest.length > 0) throw new SecretBoxError('not a sealed secret of a known version');
    const bytes = Buffer.from(payload, 'base64');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError('sealed secret is truncated');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('sealed secret does not open with this key (MAILBOX_SECRET_KEY differs from the one that sealed it?)');
    }
  }
}

import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { pemOf } from './dkim.js';

/**
 * EXPORT_SIGNING_KEY: the Ed25519 key that signs case exports' manifests. Either a PKCS8 PEM
 * (`openssl genpkey -algorithm ed25519`; line breaks may be written as \n) or the base64 of the
 * 32-byte private seed (`openssl rand -base64 32`). Never logged, never echoed in a message.
 */
export const EXPORT_SIGNING_KEY_HINT = 'must be an Ed25519 private key: a PKCS8 PEM, or the base64 of its 32-byte seed';

/** The DER prefix of a PKCS8 Ed25519 private key; the 32-byte seed follows it. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
/** The DER prefix of an SPKI Ed25519 public key; the 32 raw bytes follow it. */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export class ExportSigner {
  readonly publicKey: KeyObject;
  /** The public key's 32 raw bytes. */
  readonly publicKeyRaw: Buffer;
  /** Who signed: the first 16 hex digits of the raw public key's SHA-256 (`keyIdOf`). */
  readonly keyId: string;

  private constructor(private readonly privateKey: KeyObject) {
    this.publicKey = createPublicKey(privateKey);
    this.publicKeyRaw = rawPublicKey(this.publicKey);
    this.keyId = keyIdOf(this.publicKey);
  }

  /** From the setting's value; null when it is not a valid key (no reason given: the value is secret). */
  static parse(value: string): ExportSigner | null {
    const key = parsePrivateKey(value.trim());
    return key ? new ExportSigner(key) : null;
  }

  /** Null when unset; throws naming the setting when set but invalid (the config check stops the API first). */
  static optional(value: string | undefined): ExportSigner | null {
    if (!value) return null;
    const signer = ExportSigner.parse(value);
    if (!signer) throw new Error(`EXPORT_SIGNING_KEY ${EXPORT_SIGNING_KEY_HINT}`);
    return signer;
  }

  /** The 64-byte Ed25519 signature of `bytes`. */
  sign(bytes: Buffer): Buffer {
    return sign(null, bytes, this.privateKey);
  }

  publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }
}

function parsePrivateKey(value: string): KeyObject | null {
  try {
    if (value.includes('-----BEGIN')) {
      const key = createPrivateKey(pemOf(value));
      return key.asymmetricKeyType === 'ed25519' ? key : null;
    }
    const seed = Buffer.from(value, 'base64');
    if (seed.length !== 32 || seed.toString('base64') !== value) return null;
    return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  } catch {
    return null;
  }
}

/**
 * A public key a verifier trusts: an SPKI PEM, or the base64 of its 32 raw bytes (what
 * `GET /exports/public-key` answers as `publicKeyPem` and `publicKey`). Null when it is neither.
 */
export function parseExportPublicKey(value: string): KeyObject | null {
  const text = value.trim();
  try {
    if (text.includes('-----BEGIN')) {
      const key = createPublicKey(pemOf(text));
      return key.asymmetricKeyType === 'ed25519' ? key : null;
    }
    const raw = Buffer.from(text, 'base64');
    if (raw.length !== 32 || raw.toString('base64') !== text) return null;
    return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' }).subarray(SPKI_ED25519_PREFIX.length);
}

/** A short, stable name of a public key: the first 16 hex digits of the SHA-256 of its raw bytes. */
export function keyIdOf(key: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(key)).digest('hex').slice(0, 16);
}

/** Whether `signature` is `key`'s Ed25519 signature of `bytes`. */
export function verifyExportSignature(key: KeyObject, bytes: Buffer, signature: Buffer): boolean {
  try {
    return signature.length === 64 && verify(null, bytes, key, signature);
  } catch {
    return false;
  }
}

/** Settings decorator: a valid EXPORT_SIGNING_KEY. The message never echoes the value. */
export function IsExportSigningKey(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isExportSigningKey', validator: { validate: (value) => typeof value === 'string' && ExportSigner.parse(value) !== null, defaultMessage: () => EXPORT_SIGNING_KEY_HINT } },
    options,
  );
}

import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** The DKIM_* settings of a service that sends mail. */
export interface DkimSettings {
  DKIM_DOMAIN?: string;
  DKIM_SELECTOR?: string;
  DKIM_PRIVATE_KEY?: string;
  DKIM_PRIVATE_KEY_FILE?: string;
}

/** Signing is on as soon as any DKIM setting is given; then all it needs must be valid. */
export const dkimWanted = (settings: DkimSettings): boolean =>
  [settings.DKIM_DOMAIN, settings.DKIM_SELECTOR, settings.DKIM_PRIVATE_KEY, settings.DKIM_PRIVATE_KEY_FILE].some((value) => value !== undefined && value !== '');

/** A PEM given in one environment line may carry `\n` for its line breaks. */
export function pemOf(value: string): string {
  return value.includes('\\n') ? value.replace(/\\n/g, '\n') : value;
}

/** Why `pem` cannot sign DKIM (nodemailer signs with RSA-SHA256), or null. Never echoes the key. */
export function dkimKeyProblem(pem: string): string | null {
  let key: KeyObject;
  try {
    key = createPrivateKey(pemOf(pem));
  } catch {
    return 'is not a PEM private key';
  }
  if (key.asymmetricKeyType !== 'rsa') return `must be an RSA key (got ${key.asymmetricKeyType ?? 'an unknown type'})`;
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  return bits < 1024 ? `is a ${bits}-bit RSA key: DKIM needs at least 1024 bits (2048 recommended)` : null;
}

/** Settings decorator: a PEM RSA private key fit for DKIM. The message never echoes the value. */
export function IsDkimKey(options?: ValidationOptions): PropertyDecorator {
  let problem: string | null = null;
  return ValidateBy(
    {
      name: 'isDkimKey',
      validator: {
        validate: (value) => {
          problem = typeof value === 'string' && value !== '' ? dkimKeyProblem(value) : 'must be set (a PEM RSA private key), or set DKIM_PRIVATE_KEY_FILE';
          return problem === null;
        },
        defaultMessage: () => problem ?? 'is not a PEM private key',
      },
    },
    options,
  );
}

/** Settings decorator: a readable file holding such a key. */
export function IsDkimKeyFile(options?: ValidationOptions): PropertyDecorator {
  let problem: string | null = null;
  return ValidateBy(
    {
      name: 'isDkimKeyFile',
      validator: {
        validate: (value) => {
          if (typeof value !== 'string') return false;
          let pem: string;
          try {
            pem = readFileSync(value, 'utf8');
          } catch {
            problem = 'cannot be read';
            return false;
          }
          const keyProblem = dkimKeyProblem(pem);
          problem = keyProblem && `holds a key that ${keyProblem}`;
          return keyProblem === null;
        },
        defaultMessage: () => problem ?? 'is not a readable key file',
      },
    },
    options,
  );
}

/** nodemailer's DKIM options from validated settings; null when signing is off. */
export function dkimOf(settings: DkimSettings): { domain: string; selector: string; privateKey: string } | null {
  if (!dkimWanted(settings)) return null;
  const privateKey = settings.DKIM_PRIVATE_KEY ? pemOf(settings.DKIM_PRIVATE_KEY) : readFileSync(settings.DKIM_PRIVATE_KEY_FILE!, 'utf8');
  return { domain: settings.DKIM_DOMAIN!, selector: settings.DKIM_SELECTOR!, privateKey };
}

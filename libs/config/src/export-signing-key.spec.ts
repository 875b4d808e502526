import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { ExportSigner, keyIdOf, parseExportPublicKey, verifyExportSignature } from './export-signing-key.js';
import { ConfigError, loadConfig } from './load-config.js';
import { ApiSettings } from './settings.js';

const REQUIRED = { API_BOOTSTRAP_TOKEN: 'a-token-of-sixteen-chars' };
const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const seed = randomBytes(32).toString('base64');

function problemOf(value: string): string[] | undefined {
  try {
    loadConfig(ApiSettings, { ...REQUIRED, EXPORT_SIGNING_KEY: value });
    return undefined;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.settings.find((s) => s.name === 'EXPORT_SIGNING_KEY')?.problems;
  }
}

describe('EXPORT_SIGNING_KEY', () => {
  it('is optional: unset (or empty) the API starts without a signer', () => {
    expect(loadConfig(ApiSettings, REQUIRED).EXPORT_SIGNING_KEY).toBeUndefined();
    expect(loadConfig(ApiSettings, { ...REQUIRED, EXPORT_SIGNING_KEY: '' }).EXPORT_SIGNING_KEY).toBeUndefined();
    expect(ExportSigner.optional(undefined)).toBeNull();
  });

  it.each([
    ['a PKCS8 PEM', pem],
    ['a PEM on one line with \\n', pem.replace(/\n/g, '\\n')],
    ['a base64 32-byte seed', seed],
  ])('accepts %s', (_, value) => {
    expect(problemOf(value)).toBeUndefined();
    expect(ExportSigner.parse(value)).not.toBeNull();
  });

  it.each([
    ['a short seed', randomBytes(31).toString('base64')],
    ['hex', randomBytes(32).toString('hex')],
    ['an RSA key', generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()],
    ['garbage PEM', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'],
  ])('refuses %s, naming the setting and never the value', (_, value) => {
    const problems = problemOf(value);
    expect(problems).toEqual([expect.stringContaining('Ed25519')]);
    expect(problems!.join()).not.toContain(value.slice(0, 12));
    expect(() => ExportSigner.optional(value)).toThrow(/^EXPORT_SIGNING_KEY /);
  });

  it('signs what the public key verifies, in either published form; another key or other bytes fail', () => {
    const signer = ExportSigner.parse(seed)!;
    const bytes = Buffer.from('aa  ticket.json\n');
    const signature = signer.sign(bytes);
    expect(signature).toHaveLength(64);
    for (const published of [signer.publicKeyPem(), signer.publicKeyRaw.toString('base64')]) {
      const key = parseExportPublicKey(published)!;
      expect(keyIdOf(key)).toBe(signer.keyId);
      expect(verifyExportSignature(key, bytes, signature)).toBe(true);
      expect(verifyExportSignature(key, Buffer.from('ab  ticket.json\n'), signature)).toBe(false);
    }
    expect(verifyExportSignature(ExportSigner.parse(pem)!.publicKey, bytes, signature)).toBe(false);
    expect(signer.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(parseExportPublicKey('not a key')).toBeNull();
  });
});

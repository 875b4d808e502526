import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dkimOf } from './dkim.js';
import { loadConfig } from './load-config.js';
import { TemplateReplySettings } from './settings.js';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const ed25519 = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const problemsOf = (env: Record<string, string>): string => {
  try {
    loadConfig(TemplateReplySettings, env);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('DKIM settings', () => {
  it('is off without any DKIM setting', () => {
    expect(dkimOf(loadConfig(TemplateReplySettings, {}))).toBeNull();
  });

  it('signs with a PEM key given inline (\\n for line breaks) or in a file', () => {
    const inline = loadConfig(TemplateReplySettings, { DKIM_DOMAIN: 'example.org', DKIM_SELECTOR: 'casework2025', DKIM_PRIVATE_KEY: rsa.replace(/\n/g, '\\n') });
    expect(dkimOf(inline)).toEqual({ domain: 'example.org', selector: 'casework2025', privateKey: rsa });
    const file = join(mkdtempSync(join(tmpdir(), 'dkim-')), 'key.pem');
    writeFileSync(file, rsa);
    expect(dkimOf(loadConfig(TemplateReplySettings, { DKIM_DOMAIN: 'example.org', DKIM_SELECTOR: 's1', DKIM_PRIVATE_KEY_FILE: file }))?.privateKey).toBe(rsa);
  });

  it.each([
    [{ DKIM_DOMAIN: 'example.org', DKIM_SELECTOR: 's1', DKIM_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\nnot-a-key\n-----END PRIVATE KEY-----' }, 'DKIM_PRIVATE_KEY: is not a PEM private key'],
    [{ DKIM_DOMAIN: 'example.org', DKIM_SELECTOR: 's1', DKIM_PRIVATE_KEY: ed25519 }, 'DKIM_PRIVATE_KEY: must be an RSA key (got ed25519)'],
    [{ DKIM_DOMAIN: 'example.org', DKIM_SELECTOR: 's1' }, 'DKIM_PRIVATE_KEY: must be set'],
    [{ DKIM_DOMAIN: 'example.org', DKIM_SELECTOR: 's1', DKIM_PRIVATE_KEY_FILE: '/nonexistent/key.pem' }, 'DKIM_PRIVATE_KEY_FILE: cannot be read'],
    [{ DKIM_PRIVATE_KEY: rsa }, 'DKIM_DOMAIN'],
    [{ DKIM_DOMAIN: 'example.org', DKIM_PRIVATE_KEY: rsa }, 'DKIM_SELECTOR'],
  ])('stops the service naming the setting: %#', (env, expected) => {
    const message = problemsOf(env);
    expect(message).toContain(expected);
    expect(message).not.toContain('not-a-key');
    expect(message).not.toContain(rsa.split('\n')[1]);
  });
});

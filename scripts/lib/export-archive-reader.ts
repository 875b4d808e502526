import { createHash, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { verifyExportSignature } from '@casework/config';
import { EXPORT_MANIFEST, EXPORT_SIGNATURE, verifyExport, type ExportVerdict, type ManifestLine } from '@casework/domain';

const openZip = promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open);
/** The manifest of even a huge case is lines of ~120 bytes: more than this is not one of ours. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
const MAX_SIGNATURE_BYTES = 1024;

/**
 * Reads a case export's zip one entry at a time (each streamed through SHA-256, never held
 * whole, but for the manifest and its signature) and gives the verdict of libs/domain's
 * verifyExport against the trusted public key. A zip that cannot be read is a verdict too.
 */
export async function verifyExportArchive(zipPath: string, publicKey: KeyObject): Promise<ExportVerdict> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(zipPath, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true });
  } catch (error) {
    return { ok: false, checked: 0, problems: [`${zipPath}: not a readable zip (${error instanceof Error ? error.message : String(error)})`] };
  }
  const entries: ManifestLine[] = [];
  let manifest: Buffer | null = null;
  let signature: Buffer | null = null;
  try {
    for await (const entry of zip.eachEntry()) {
      const keep = entry.fileName === EXPORT_MANIFEST ? MAX_MANIFEST_BYTES : entry.fileName === EXPORT_SIGNATURE ? MAX_SIGNATURE_BYTES : 0;
      const { sha256, kept } = await hashEntry(await zip.openReadStreamPromise(entry), keep, entry.fileName);
      entries.push({ path: entry.fileName, sha256 });
      if (entry.fileName === EXPORT_MANIFEST) manifest = kept;
      if (entry.fileName === EXPORT_SIGNATURE) signature = kept;
    }
  } catch (error) {
    return { ok: false, checked: 0, problems: [`${zipPath}: ${error instanceof Error ? error.message : String(error)}`] };
  } finally {
    zip.close();
  }
  const signatureValid = manifest && signature ? verifyExportSignature(publicKey, manifest, signature) : signature ? false : null;
  return verifyExport({ entries, manifest: manifest?.toString('utf8') ?? null, signatureValid });
}

async function hashEntry(stream: NodeJS.ReadableStream, keep: number, name: string): Promise<{ sha256: string; kept: Buffer | null }> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    if (keep > 0) {
      size += bytes.length;
      if (size > keep) throw new Error(`${name}: larger than ${keep} bytes`);
      chunks.push(bytes);
    }
  }
  return { sha256: hash.digest('hex'), kept: keep > 0 ? Buffer.concat(chunks) : null };
}

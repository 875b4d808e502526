import { createHash } from 'node:crypto';
import { PassThrough, Readable, Transform } from 'node:stream';
import { ZipFile } from 'yazl';
import type { ExportSigner } from '@casework/config';
import type { AuditRepository, CaseExportRecord, CaseExportRepository, Db } from '@casework/database';
import { EXPORT_AUDIT_JSONL, EXPORT_MANIFEST, EXPORT_SIGNATURE, EXPORT_TICKET_JSON, formatManifestLine, planExportEntries, type ArticleFiles, type ExportSource } from '@casework/domain';

/** Articles written to ticket.json per query, and audit events to audit.jsonl. */
const ARTICLES_PER_QUERY = 100;
const AUDIT_EVENTS_PER_QUERY = 500;

export interface ExportArchiveInput {
  /** A connection in one read-only repeatable-read snapshot, held until the archive ends. */
  db: Db;
  exportRecord: CaseExportRecord;
  signer: ExportSigner;
  exports: CaseExportRepository;
  audit: AuditRepository;
  builtAt: Date;
}

/**
 * A case export as a zip stream, built while it is read: the mail, sent mail and attachments,
 * each read from the snapshot only when its turn comes, 1 MB slices at a time (yazl pipes them
 * with backpressure), ticket.json and audit.jsonl written a page at a time, every
 * entry hashed as it passes, then MANIFEST.sha256 and manifest.sig last. `onError` gets any
 * failure once (the stream is destroyed with it: the client sees a truncated zip, which never
 * verifies).
 */
export async function exportArchive(input: ExportArchiveInput, onError: (error: unknown) => void): Promise<Readable> {
  const { db, exportRecord, exports } = input;
  const ticketId = exportRecord.ticketId;
  const [articles, attachments] = [await exports.articleIndex(db, ticketId), await exports.attachmentIndex(db, ticketId)];
  const { entries, files } = planExportEntries(articles, attachments);
  const zip = new ZipFile();
  const output = new PassThrough();
  const manifest: string[] = [];
  let failed = false;
  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    onError(error);
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  };
  zip.on('error', fail);
  zip.outputStream.on('error', fail);
  zip.outputStream.pipe(output);

  const mtime = input.builtAt;
  const add = (path: string, compress: boolean, source: () => AsyncIterable<Buffer | string>) =>
    zip.addReadStreamLazy(path, { mtime, compress }, (ready) => {
      if (failed) return;
      const hash = createHash('sha256');
      const hashing = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          done(null, chunk);
        },
        flush(done) {
          manifest.push(formatManifestLine({ sha256: hash.digest('hex'), path }));
          done();
        },
      });
      const stream = Readable.from(source());
      stream.on('error', fail);
      ready(null, stream.pipe(hashing));
    });

  for (const entry of entries) add(entry.path, entry.source.kind !== 'attachment', () => bytesOf(input, entry.source, entry.path));
  add(EXPORT_TICKET_JSON, true, () => ticketJson(input, articles.map((a) => a.id), files));
  add(EXPORT_AUDIT_JSONL, true, () => auditJsonl(input));
  zip.addReadStreamLazy(EXPORT_MANIFEST, { mtime }, (ready) => ready(null, Readable.from([Buffer.from(manifest.join(''))])));
  zip.addReadStreamLazy(EXPORT_SIGNATURE, { mtime, compress: false }, (ready) => ready(null, Readable.from([input.signer.sign(Buffer.from(manifest.join('')))])));
  zip.end();
  return output;
}

async function* bytesOf({ db, exports }: ExportArchiveInput, source: ExportSource, path: string): AsyncIterable<Buffer> {
  const [kind, id] = source.kind === 'raw' ? (['raw', source.rawMessageId] as const) : source.kind === 'sent' ? (['sent', source.outboundId] as const) : (['attachment', source.attachmentId] as const);
  const slices = await exports.slices(db, kind, id);
  // The snapshot holds what the plan was made from: a value missing here is a broken database.
  if (!slices) throw new Error(`the stored bytes of ${path} are gone`);
  yield* slices;
}

/** ticket.json: `{"export", "ticket", "requester", "queue", "slaClocks", "history", "articles": [...]}`, articles a page at a time, one per line. */
async function* ticketJson({ db, exports, exportRecord, signer, builtAt }: ExportArchiveInput, articleIds: string[], files: Map<string, ArticleFiles>): AsyncIterable<string> {
  const found = await exports.ticketDocument(db, exportRecord.ticketId);
  if (!found) throw new Error(`ticket ${exportRecord.ticketId} is gone`);
  const about = { id: exportRecord.id, requestedBy: { id: exportRecord.requestedBy, email: exportRecord.requestedByEmail }, requestedAt: exportRecord.createdAt, builtAt, keyId: signer.keyId };
  const head = JSON.stringify({ export: about, ...found.document });
  yield `${head.slice(0, -1)},"articles":[`;
  for (let i = 0; i < articleIds.length; i += ARTICLES_PER_QUERY) {
    const page = await exports.articles(db, articleIds.slice(i, i + ARTICLES_PER_QUERY));
    yield page.map((article, j) => `${i + j === 0 ? '' : ','}\n${JSON.stringify({ ...article, exportFiles: files.get(String(article.id)) ?? { attachments: [] } })}`).join('');
  }
  yield '\n]}\n';
}

/** audit.jsonl: every audit event naming the ticket, in chain order, one JSON object per line. */
async function* auditJsonl({ db, audit, exportRecord }: ExportArchiveInput): AsyncIterable<string> {
  let afterSeq = 0;
  for (;;) {
    const events = await audit.ofTicket(db, exportRecord.ticketId, afterSeq, AUDIT_EVENTS_PER_QUERY);
    if (events.length === 0) return;
    yield events.map((event) => `${JSON.stringify(event)}\n`).join('');
    afterSeq = events[events.length - 1]!.seq;
  }
}

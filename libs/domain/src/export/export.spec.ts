import { planExportEntries, type ExportArticleFacts } from '../export.js';
import { attachmentEntryName, formatManifest, isSafeEntryPath, messageEntryName, outboundEntryName, parseManifest, safeEntryFilename, verifyExport, type ManifestLine } from '../export.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);

describe('export entry names', () => {
  it('numbers messages and outbound mail with at least three digits', () => {
    expect(messageEntryName(1, A)).toBe(`messages/001-${A}.eml`);
    expect(messageEntryName(1234, A)).toBe(`messages/1234-${A}.eml`);
    expect(outboundEntryName(7)).toBe('outbound/007.eml');
    expect(() => messageEntryName(0, A)).toThrow();
    expect(() => messageEntryName(1, 'XYZ')).toThrow();
  });

  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'etc_passwd'],
    ['..\\..\\boot.ini', 'boot.ini'],
    ['/abs/path.png', 'abs_path.png'],
    ['.hidden', 'hidden'],
    ['ملف.docx', 'docx'],
    ['Café résumé.txt', 'Cafe_resume.txt'],
    ['a\u0000b\nc.txt', 'a_b_c.txt'],
    ['', 'attachment'],
    ['...', 'attachment'],
    ['x'.repeat(300) + '.jpeg', 'x'.repeat(95) + '.jpeg'],
  ])('sanitises %j to %j', (input, expected) => {
    expect(safeEntryFilename(input)).toBe(expected);
    expect(isSafeEntryPath(`attachments/${safeEntryFilename(input)}`)).toBe(true);
  });

  it('prefixes attachments with the article and position, so equal filenames cannot collide', () => {
    expect(attachmentEntryName(3, 0, 'a.png')).toBe('attachments/003-00-a.png');
    expect(attachmentEntryName(3, 1, 'a.png')).not.toBe(attachmentEntryName(3, 0, 'a.png'));
  });

  it('accepts only relative paths of safe segments', () => {
    expect(isSafeEntryPath('messages/001-x.eml')).toBe(true);
    for (const bad of ['/etc/passwd', '../x', 'a//b', 'a/../b', 'a/.hidden', 'a b', 'a\\b', '']) expect(isSafeEntryPath(bad)).toBe(false);
  });
});

describe('the manifest', () => {
  const lines: ManifestLine[] = [
    { sha256: A, path: `messages/001-${A}.eml` },
    { sha256: B, path: 'ticket.json' },
  ];
  const text = formatManifest(lines);

  it('is sha256sum -c format and parses back', () => {
    expect(text).toBe(`${A}  messages/001-${A}.eml\n${B}  ticket.json\n`);
    expect(parseManifest(text)).toEqual({ ok: true, lines });
  });

  it.each([
    [`${A} ticket.json\n`, 1, 'not'],
    [`${A}  ticket.json`, 1, 'line break'],
    [`${B}  ticket.json\n${A.toUpperCase()}  x\n`, 2, 'not'],
    [`${A}  ../x\n`, 1, 'unsafe'],
    [`${A}  x\n${B}  x\n`, 2, 'twice'],
  ])('refuses %j at line %i', (bad, line, reason) => {
    const parsed = parseManifest(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.line).toBe(line);
      expect(parsed.reason).toContain(reason);
    }
  });

  it('refuses an unsafe path when formatting', () => {
    expect(() => formatManifest([{ sha256: A, path: '../x' }])).toThrow();
  });
});

describe('verifyExport', () => {
  const manifest = formatManifest([
    { sha256: A, path: `messages/001-${A}.eml` },
    { sha256: B, path: 'ticket.json' },
  ]);
  const entries: ManifestLine[] = [
    { sha256: A, path: `messages/001-${A}.eml` },
    { sha256: B, path: 'ticket.json' },
    { sha256: C, path: 'MANIFEST.sha256' },
    { sha256: C, path: 'manifest.sig' },
  ];

  it('holds for an intact, signed archive', () => {
    expect(verifyExport({ entries, manifest, signatureValid: true })).toEqual({ ok: true, checked: 2, problems: [] });
  });

  it('names a changed file, a missing one, an unlisted one and a bad signature', () => {
    const tampered = [{ sha256: C, path: `messages/001-${A}.eml` }, { sha256: A, path: 'extra.txt' }, ...entries.slice(2)];
    const verdict = verifyExport({ entries: tampered, manifest, signatureValid: false });
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual([
      'manifest.sig: the signature does not verify over MANIFEST.sha256 with the trusted key',
      `messages/001-${A}.eml: SHA-256 mismatch (manifest ${A}, file ${C})`,
      'ticket.json: listed in the manifest, missing from the zip',
      'extra.txt: in the zip but not in the manifest',
    ]);
  });

  it('fails without a manifest or a signature, and on a message whose name is not its hash', () => {
    expect(verifyExport({ entries, manifest: null, signatureValid: null }).problems).toEqual(['MANIFEST.sha256: missing']);
    expect(verifyExport({ entries, manifest, signatureValid: null }).problems).toEqual(['manifest.sig: missing']);
    const renamed = formatManifest([{ sha256: B, path: `messages/001-${A}.eml` }]);
    const verdict = verifyExport({ entries: [{ sha256: B, path: `messages/001-${A}.eml` }], manifest: renamed, signatureValid: true });
    expect(verdict.problems).toEqual([`messages/001-${A}.eml: its name's SHA-256 is not the manifest's`]);
  });

  it('names an entry that appears twice in the zip', () => {
    expect(verifyExport({ entries: [...entries, entries[1]!], manifest, signatureValid: true }).problems).toEqual(['ticket.json: in the zip twice']);
  });
});

describe('planExportEntries', () => {
  const article = (id: string, over: Partial<ExportArticleFacts> = {}): ExportArticleFacts => ({ id, direction: 'inbound', rawMessageId: null, rawSha256: null, outboundId: null, hasSentRaw: false, ...over });

  it('numbers inbound mail, sent mail and attachments apart, oldest first, and says where each article went', () => {
    const articles = [
      article('a1', { rawMessageId: 'r1', rawSha256: A }),
      article('a2', { direction: 'outbound', outboundId: 'o1', hasSentRaw: true }),
      article('a3', { direction: 'note' }),
      article('a4', { rawMessageId: 'r2', rawSha256: B }),
      article('a5', { direction: 'outbound', outboundId: 'o2', hasSentRaw: false }),
    ];
    const attachments = [
      { id: 'x1', articleId: 'a4', position: 0, filename: 'same.png', stored: true },
      { id: 'x2', articleId: 'a4', position: 1, filename: 'same.png', stored: true },
      { id: 'x3', articleId: 'a1', position: 0, filename: 'big.iso', stored: false },
    ];
    const { entries, files } = planExportEntries(articles, attachments);
    expect(entries).toEqual([
      { path: `messages/001-${A}.eml`, source: { kind: 'raw', rawMessageId: 'r1' } },
      { path: `messages/002-${B}.eml`, source: { kind: 'raw', rawMessageId: 'r2' } },
      { path: 'outbound/001.eml', source: { kind: 'sent', outboundId: 'o1' } },
      { path: 'attachments/004-00-same.png', source: { kind: 'attachment', attachmentId: 'x1' } },
      { path: 'attachments/004-01-same.png', source: { kind: 'attachment', attachmentId: 'x2' } },
    ]);
    expect(files.get('a4')).toEqual({ message: `messages/002-${B}.eml`, attachments: ['attachments/004-00-same.png', 'attachments/004-01-same.png'] });
    expect(files.get('a5')).toEqual({ attachments: [] });
    expect(new Set(entries.map((e) => e.path)).size).toBe(entries.length);
  });
});

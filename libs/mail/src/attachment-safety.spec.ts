import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { effectiveContentType, safeAttachmentFilename, sniffContentType, storableAttachment } from './attachment-safety.js';
import { parseMail } from './parse-mail.js';
import type { ParsedAttachment } from './parsed-mail.js';

const hex = (value: string) => Buffer.from(value.replace(/\s+/g, ''), 'hex');
const bytes = (...parts: (string | number[] | Buffer)[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

/** A minimal zip: one stored local file entry named `name` with `data`, then the rest. */
function zipWith(name: string, data = '', rest = ''): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(name.length, 26);
  return bytes(header, name, data, rest);
}

/** A compound-file header followed by a directory holding these stream names (UTF-16LE). */
function cfbWith(...streams: string[]): Buffer {
  return Buffer.concat([hex('d0cf11e0a1b11ae1'), Buffer.alloc(504), ...streams.map((name) => Buffer.from(name, 'utf16le'))]);
}

describe('sniffContentType', () => {
  it.each<[string, Buffer, string | null]>([
    ['pdf', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj'), 'application/pdf'],
    ['png', bytes(hex('89504e470d0a1a0a0000000d49484452')), 'image/png'],
    ['jpeg', bytes(hex('ffd8ffe000104a464946')), 'image/jpeg'],
    ['gif87a', bytes('GIF87a\x01\x00'), 'image/gif'],
    ['gif89a', bytes('GIF89a\x01\x00'), 'image/gif'],
    ['webp', bytes('RIFF\x24\x00\x00\x00WEBPVP8 '), 'image/webp'],
    ['tiff', bytes(hex('49492a0008000000')), 'image/tiff'],
    ['heic', bytes(hex('00000018'), 'ftypheic\x00\x00\x00\x00'), 'image/heic'],
    ['mp4', bytes(hex('00000018'), 'ftypisom\x00\x00\x02\x00'), 'video/mp4'],
    ['gzip', bytes(hex('1f8b0800000000000003')), 'application/gzip'],
    ['zip', zipWith('notes.txt', 'hello'), 'application/zip'],
    ['empty zip', bytes(hex('504b0506'), Buffer.alloc(18)), 'application/zip'],
    ['docx', zipWith('[Content_Types].xml', '<Types/>', 'PK\x01\x02 word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', zipWith('[Content_Types].xml', '<Types/>', 'PK\x01\x02 xl/workbook.xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['pptx', zipWith('[Content_Types].xml', '', 'ppt/presentation.xml'), 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['odt', zipWith('mimetype', 'application/vnd.oasis.opendocument.text'), 'application/vnd.oasis.opendocument.text'],
    ['jar', zipWith('META-INF/MANIFEST.MF', 'Manifest-Version: 1.0'), 'application/java-archive'],
    ['doc (ole)', cfbWith('Root Entry', 'WordDocument', '1Table'), 'application/msword'],
    ['xls (ole)', cfbWith('Root Entry', 'Workbook'), 'application/vnd.ms-excel'],
    ['msg (ole)', cfbWith('Root Entry', '__substg1.0_0037001F'), 'application/vnd.ms-outlook'],
    ['unknown ole', cfbWith('Root Entry', 'Contents'), 'application/x-ole-storage'],
    ['msi (ole)', Buffer.concat([cfbWith('Root Entry'), hex('84100c0000000000c000000000000046')]), 'application/x-msi'],
    ['tnef (winmail.dat)', bytes(hex('789f3e22'), '\x01\x06\x90\x08\x00'), 'application/vnd.ms-tnef'],
    ['pe executable', bytes('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', Buffer.alloc(48), 'PE\x00\x00'), 'application/x-msdownload'],
    ['elf', bytes(hex('7f454c46020101'), Buffer.alloc(9)), 'application/x-executable'],
    ['mach-o', bytes(hex('cffaedfe07000001')), 'application/x-mach-binary'],
    ['windows shortcut', bytes(hex('4c0000000114020000000000c000000000000046')), 'application/x-ms-shortcut'],
    ['rar', bytes('Rar!\x1a\x07\x01\x00'), 'application/vnd.rar'],
    ['7z', bytes(hex('377abcaf271c0004')), 'application/x-7z-compressed'],
    ['rtf', bytes('{\\rtf1\\ansi hello}'), 'application/rtf'],
    ['html doctype', bytes('\n  <!DOCTYPE html><html><body>hi'), 'text/html'],
    ['html tag', bytes('<HTML>\n<script>alert(1)</script>'), 'text/html'],
    ['html with utf-8 bom', bytes(hex('efbbbf'), '<body onload=x()>'), 'text/html'],
    ['svg', bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'), 'image/svg+xml'],
    ['bare svg', bytes('<svg onload="alert(1)">'), 'image/svg+xml'],
    ['xml', bytes('<?xml version="1.0"?><report/>'), 'application/xml'],
    ['shell script', bytes('#!/bin/sh\nrm -rf /\n'), 'text/x-shellscript'],
    ['ascii text', bytes('Hello,\r\nplease see the log below.\r\n\tindented\f'), 'text/plain'],
    ['utf-8 text', Buffer.from('Grüße aus Köln — 東京', 'utf8'), 'text/plain'],
    ['utf-16 text', Buffer.concat([hex('fffe'), Buffer.from('hello', 'utf16le')]), 'text/plain'],
    ['csv', bytes('id,name\n1,rita\n'), 'text/plain'],
    ['unknown binary', bytes(hex('0001020304050607')), null],
    ['empty', Buffer.alloc(0), 'application/x-empty'],
  ])('recognises %s', (_name, content, type) => {
    expect(sniffContentType(content)).toBe(type);
  });

  it('reads magic numbers, not the first 4 KiB only, for zip entries', () => {
    const docx = zipWith('[Content_Types].xml', 'x'.repeat(100_000), 'word/document.xml');
    expect(sniffContentType(docx)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('calls text with a NUL or other binary bytes late in the sample binary', () => {
    expect(sniffContentType(Buffer.concat([Buffer.from('a'.repeat(4000)), Buffer.from([0])]))).toBeNull();
    // Beyond the sample: still text.
    expect(sniffContentType(Buffer.concat([Buffer.from('a'.repeat(5000)), Buffer.from([0])]))).toBe('text/plain');
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(...['', 'PK\x03\x04', 'RIFF', '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1', 'PK\x03\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x08\x00\x00\x00mimetype']), (tail, head) => {
        const type = sniffContentType(bytes(head, Buffer.from(tail)));
        expect(type === null || /^[a-z]+\/[a-z0-9.+-]+$/.test(type)).toBe(true);
      }),
    );
  });
});

describe('effectiveContentType', () => {
  it('prefers what the bytes are', () => {
    expect(effectiveContentType('image/png', 'application/x-msdownload')).toBe('application/x-msdownload');
    expect(effectiveContentType('application/octet-stream', 'application/pdf')).toBe('application/pdf');
    expect(effectiveContentType('image/png', 'text/plain')).toBe('text/plain');
    expect(effectiveContentType('text/plain', 'text/html')).toBe('text/html');
  });

  it('keeps the declared type when the bytes match nothing, or are text declared as a textual format', () => {
    expect(effectiveContentType('audio/ogg', null)).toBe('audio/ogg');
    expect(effectiveContentType('text/csv', 'text/plain')).toBe('text/csv');
    expect(effectiveContentType('message/rfc822', 'text/plain')).toBe('message/rfc822');
    expect(effectiveContentType('application/json', 'text/plain')).toBe('application/json');
    expect(effectiveContentType('application/pgp-signature', 'text/plain')).toBe('application/pgp-signature');
    expect(effectiveContentType('text/html', 'text/plain')).toBe('text/plain');
    expect(effectiveContentType('text/plain; charset=iso-2022-jp', 'text/plain')).toBe('text/plain; charset=iso-2022-jp');
  });
});

describe('safeAttachmentFilename', () => {
  it.each<[string | null, string]>([
    ['report.pdf', 'report.pdf'],
    ['Grüße aus Köln.docx', 'Grüße aus Köln.docx'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['C:\\Windows\\System32\\evil.dll', 'C__Windows_System32_evil.dll'],
    ['/absolute/path.txt', '_absolute_path.txt'],
    ['..', 'attachment.bin'],
    ['.htaccess', 'htaccess'],
    ['evil.exe. . ', 'evil.exe'],
    ['nul\u0000byte\r\n.txt', 'nulbyte.txt'],
    ['bell\u0007\u001b[31mred.txt', 'bell[31mred.txt'],
    ['c1\u0085\u009bcontrols.txt', 'c1controls.txt'],
    ['invoice\u202efdp.exe', 'invoicefdp.exe'],
    ['zero\u200bwidth\ufeff.png', 'zerowidth.png'],
    ['a "quoted" <name>|?*.txt', 'a _quoted_ _name____.txt'],
    ['CON', '_CON'],
    ['com1.txt', '_com1.txt'],
    ['console.txt', 'console.txt'],
    ['   ', 'attachment.bin'],
    ['\u0000\u0001', 'attachment.bin'],
    ['', 'attachment.bin'],
    [null, 'attachment.bin'],
    ['e\u0301.txt', 'é.txt'],
    ['lone\ud800surrogate.txt', 'lone\ufffdsurrogate.txt'],
  ])('%j → %j', (input, expected) => {
    expect(safeAttachmentFilename(input)).toBe(expected);
  });

  it('caps the name at 255 UTF-8 bytes, keeping the extension and whole characters', () => {
    const long = safeAttachmentFilename(`${'a'.repeat(300)}.pdf`);
    expect(long).toBe(`${'a'.repeat(251)}.pdf`);
    const wide = safeAttachmentFilename(`${'東'.repeat(100)}.xlsx`);
    expect(Buffer.byteLength(wide)).toBeLessThanOrEqual(255);
    expect(wide).toBe(`${'東'.repeat(83)}.xlsx`);
    const emoji = safeAttachmentFilename('😀'.repeat(100));
    expect(emoji).toBe('😀'.repeat(63));
  });

  it('always yields a short, single, path-free, control-free name', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'binary', maxLength: 400 })), (input) => {
        const name = safeAttachmentFilename(input);
        expect(name.length).toBeGreaterThan(0);
        expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
        expect(name).not.toMatch(/[/\\\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069"<>:|?*]/);
        expect(name).not.toMatch(/^[.\s]|[.\s]$/);
        expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        expect(safeAttachmentFilename(name)).toBe(name);
      }),
      { numRuns: 500 },
    );
  });
});

describe('storableAttachment', () => {
  const attachment = (content: Buffer, overrides: Partial<ParsedAttachment> = {}): ParsedAttachment => ({
    filename: 'cat.png',
    contentType: 'image/png',
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    md5: createHash('md5').update(content).digest('hex'),
    content,
    contentId: null,
    inline: false,
    ...overrides,
  });

  it('records the declared and the sniffed type, and keeps the content under the cap', () => {
    const exe = Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode', 'latin1');
    const stored = storableAttachment(attachment(exe, { filename: '../cat.png', contentId: 'img1@x\u0000' }), 1024);
    expect(stored).toEqual({
      filename: '_cat.png',
      declaredContentType: 'image/png',
      sniffedContentType: 'application/x-msdownload',
      size: exe.length,
      sha256: createHash('sha256').update(exe).digest('hex'),
      md5: createHash('md5').update(exe).digest('hex'),
      contentId: 'img1@x',
      inline: false,
      content: exe,
      omittedReason: null,
    });
  });

  it('keeps the metadata and hash but not the bytes of an attachment over the cap', () => {
    const big = Buffer.alloc(26214401, 0x61);
    const omitted = storableAttachment(attachment(big), 26214400);
    expect(omitted).toMatchObject({ content: null, omittedReason: 'over the 25 MB attachment limit', size: 26214401, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(storableAttachment(attachment(Buffer.alloc(11)), 10).omittedReason).toBe('over the 10-byte attachment limit');
    // At the cap exactly: kept.
    expect(storableAttachment(attachment(Buffer.alloc(10)), 10).content).toHaveLength(10);
  });

  it('stores what parseMail extracts from a real multipart message', async () => {
    const raw = Buffer.from(
      [
        'From: rita@example.org',
        'To: safety@casework.test',
        'Subject: Evidence',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'See attached.',
        '--b',
        'Content-Type: image/png; name="holiday.png"',
        'Content-Disposition: attachment; filename="=?utf-8?q?..=2F..=2Fholi=E2=80=AEgnp.exe?="',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('MZ\x90\x00\x03\x00', 'latin1').toString('base64'),
        '--b--',
        '',
      ].join('\r\n'),
    );
    const [parsed] = (await parseMail(raw)).attachments;
    const stored = storableAttachment(parsed, 1024);
    expect(stored).toMatchObject({ filename: '_.._holignp.exe', declaredContentType: 'image/png', sniffedContentType: 'application/x-msdownload', size: 6 });
  });
});

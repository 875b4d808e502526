/**
 * The HTML part of a mail made from its escaped text: paragraphs at blank lines, line breaks
 * within them, a quote helper's blockquote kept whole. Wrapped in a document that carries the
 * language and its direction (`dir="rtl"` for Arabic), so clients lay it out right to left.
 */
export function paragraphsFromText(escaped: string): string {
  const blocks: string[] = [];
  for (const chunk of escaped.replace(/\r\n?/g, '\n').split(/(<blockquote[^>]*>.*?<\/blockquote>)/)) {
    if (chunk.startsWith('<blockquote')) {
      blocks.push(chunk);
      continue;
    }
    for (const paragraph of chunk.split(/\n\s*\n/)) {
      const trimmed = paragraph.replace(/^\n+|\n+$/g, '');
      if (trimmed.trim() !== '') blocks.push(`<p>${trimmed.replace(/\n/g, '<br>\n')}</p>`);
    }
  }
  return blocks.join('\n');
}

export function htmlDocument(content: string, locale: string, dir: 'ltr' | 'rtl'): string {
  // The locale is one of TEMPLATE_LOCALES (or a safe fallback); it is still kept to what a language tag may hold.
  const lang = locale.replace(/[^A-Za-z0-9-]/g, '');
  const align = dir === 'rtl' ? 'right' : 'left';
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}" dir="${dir}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>',
    `<body dir="${dir}" style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#202122;text-align:${align}">`,
    `<div dir="${dir}" lang="${lang}">`,
    content,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

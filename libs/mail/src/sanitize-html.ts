import sanitizeHtml from 'sanitize-html';

// Elements whose content is never shown: code, styling, embedded documents, forms.
const DROPPED_WITH_CONTENT = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input',
  'button', 'select', 'option', 'textarea', 'noscript', 'xmp', 'title', 'template', 'svg', 'math',
];

const ALLOWED_TAGS = [
  'p', 'br', 'div', 'span', 'b', 'i', 'u', 's', 'strong', 'em', 'small', 'sub', 'sup', 'blockquote',
  'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td',
  'th', 'caption', 'colgroup', 'col', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'img', 'hr', 'font',
  'center',
];

const LAYOUT_ATTRIBUTES = ['align', 'valign', 'width', 'height', 'dir', 'bgcolor'];
const COLOR = [/^#[0-9a-f]{3,8}$/i, /^[a-z]{3,30}$/i, /^rgba?\(\s*[\d.%]+\s*,\s*[\d.%]+\s*,\s*[\d.%]+\s*(?:,\s*[\d.%]+\s*)?\)$/i];

// Inline images only: a remote src is a tracking pixel (and leaks the reader's IP).
const SAFE_IMAGE_SRC = /^(?:cid:[^\s]+|data:image\/(?:png|gif|jpe?g|webp|bmp);base64,[a-z0-9+/=\s]+)$/i;
// A remote image kept for later: https only (http would be mixed content and is easier to tamper with).
const REMOTE_IMAGE_SRC = /^https:\/\/[^\s"'<>]+$/i;
/** Where a remote image's address waits, unloaded, until a reader asks for it (see `remoteImages`). */
const PARKED_SRC = 'data-remote-src';
// Links must be absolute: a relative href would point into our own application.
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

const EMAIL_HTML_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  disallowedTagsMode: 'discard',
  nonTextTags: DROPPED_WITH_CONTENT,
  allowedAttributes: {
    '*': ['style', 'title', 'dir', 'lang'],
    a: ['href', 'name', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height'],
    font: ['color', 'face', 'size'],
    table: [...LAYOUT_ATTRIBUTES, 'border', 'cellpadding', 'cellspacing'],
    td: [...LAYOUT_ATTRIBUTES, 'colspan', 'rowspan', 'nowrap'],
    th: [...LAYOUT_ATTRIBUTES, 'colspan', 'rowspan', 'nowrap'],
    tr: LAYOUT_ATTRIBUTES,
    col: LAYOUT_ATTRIBUTES,
    p: ['align'],
    div: ['align'],
    ol: ['start', 'type'],
  },
  // A small CSS allowlist: nothing here can load a URL or run `expression()`.
  allowedStyles: {
    '*': {
      color: COLOR,
      'background-color': COLOR,
      'text-align': [/^(?:left|right|center|justify|start|end)$/i],
      'font-weight': [/^(?:normal|bold|bolder|lighter|[1-9]00)$/i],
      'font-style': [/^(?:normal|italic|oblique)$/i],
      'text-decoration': [/^(?:none|underline|overline|line-through)(?:\s+(?:underline|overline|line-through))*$/i],
    },
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['cid', 'data'] },
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...keepUrlIf(attribs, 'href', SAFE_HREF), rel: 'noopener noreferrer nofollow', target: '_blank' },
    }),
    img: (tagName, attribs) => ({ tagName, attribs: keepUrlIf(attribs, 'src', SAFE_IMAGE_SRC) }),
  },
  // An image without a (safe) source shows nothing but a broken-image icon.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** `attribs` in their original order, without `name` unless its (trimmed) value passes `safe`. */
function keepUrlIf(attribs: sanitizeHtml.Attributes, name: string, safe: RegExp): sanitizeHtml.Attributes {
  const kept: sanitizeHtml.Attributes = {};
  for (const [key, value] of Object.entries(attribs)) {
    if (key !== name) kept[key] = value;
    else if (safe.test(value.trim())) kept[key] = value.trim();
  }
  return kept;
}

/** At ingest: a remote image's address is parked (not loadable) instead of dropped. */
const PARK_REMOTE_OPTIONS: sanitizeHtml.IOptions = {
  ...EMAIL_HTML_OPTIONS,
  allowedAttributes: { ...(EMAIL_HTML_OPTIONS.allowedAttributes as Record<string, string[]>), img: ['src', 'alt', 'width', 'height', PARKED_SRC] },
  transformTags: {
    ...EMAIL_HTML_OPTIONS.transformTags,
    img: (tagName, attribs) => {
      // A sender's own data-remote-src is never trusted: only an address we moved there.
      const { [PARKED_SRC]: _ignored, ...rest } = attribs;
      const src = rest.src?.trim() ?? '';
      if (!SAFE_IMAGE_SRC.test(src) && REMOTE_IMAGE_SRC.test(src)) {
        const { src: _remote, ...others } = rest;
        return { tagName, attribs: { ...others, [PARKED_SRC]: src } };
      }
      return { tagName, attribs: keepUrlIf(rest, 'src', SAFE_IMAGE_SRC) };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src && !frame.attribs[PARKED_SRC],
};

/** For a reader who asked to see a message's images: parked remote addresses become sources again. */
const SHOW_REMOTE_OPTIONS: sanitizeHtml.IOptions = {
  ...EMAIL_HTML_OPTIONS,
  allowedSchemesByTag: { img: ['cid', 'data', 'https'] },
  transformTags: {
    ...EMAIL_HTML_OPTIONS.transformTags,
    img: (tagName, attribs) => {
      const { [PARKED_SRC]: parked, ...rest } = attribs;
      const kept = keepUrlIf(rest, 'src', SAFE_IMAGE_SRC);
      if (!kept.src && parked && REMOTE_IMAGE_SRC.test(parked.trim())) kept.src = parked.trim();
      return { tagName, attribs: kept };
    },
  },
};

// No image at all (restricted queues: no image is ever shown unasked): neither cid: nor data:, and no alt text left to hint.
const NO_IMAGE_OPTIONS: sanitizeHtml.IOptions = {
  ...EMAIL_HTML_OPTIONS,
  allowedTags: ALLOWED_TAGS.filter((tag) => tag !== 'img'),
  allowedSchemesByTag: {},
  transformTags: { a: EMAIL_HTML_OPTIONS.transformTags!.a! },
  exclusiveFilter: undefined,
};

/**
 * Email HTML is untrusted input: keep formatting, drop code, remote content and unsafe links.
 * `images: false` drops every image too (inline `cid:` and `data:` ones included).
 * `remoteImages`: `park` (at ingest) keeps an https image's address in an attribute nothing loads;
 * `show` (a reader asked, never in a restricted queue) makes parked addresses sources again;
 * without it a parked image is dropped like any remote one.
 */
export function sanitizeEmailHtml(html: string, options: { images?: boolean; remoteImages?: 'park' | 'show' } = {}): string {
  if (options.images === false) return sanitizeHtml(html, NO_IMAGE_OPTIONS);
  if (options.remoteImages === 'park') return sanitizeHtml(html, PARK_REMOTE_OPTIONS);
  return sanitizeHtml(html, options.remoteImages === 'show' ? SHOW_REMOTE_OPTIONS : EMAIL_HTML_OPTIONS);
}

/** How many remote images a stored (parked) body holds: what "show images" would load. */
export function countRemoteImages(storedHtml: string): number {
  return storedHtml.match(/<img\b[^>]*\sdata-remote-src=/gi)?.length ?? 0;
}

// Private-use markers survive sanitising and whitespace collapsing and mark where lines break.
const LINE = '\uE000';
const BLOCK = '\uE001';
const PARAGRAPH = '\uE002';

const BLOCK_TAGS = 'div|li|tr|h[1-6]|blockquote|pre|table|ul|ol|dl|dt|dd|hr|center|caption|address|article|section|header|footer';

const TEXT_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  disallowedTagsMode: 'discard',
  nonTextTags: DROPPED_WITH_CONTENT,
};

/**
 * Plain text from HTML, for mails that have no text part: no markup, entities decoded,
 * whitespace collapsed, line breaks kept at `br` and block elements, blank lines at `p`.
 */
export function htmlToText(html: string): string {
  const marked = html
    .replace(/<br\b[^>]*>/gi, LINE)
    .replace(/<\/?p\b[^>]*>/gi, PARAGRAPH)
    .replace(new RegExp(`</?(?:${BLOCK_TAGS})\\b[^>]*>`, 'gi'), (tag) => `${BLOCK}${tag}`)
    .replace(/<\/t[dh]\s*>/gi, (tag) => `${tag} `);
  const escaped = sanitizeHtml(marked, TEXT_OPTIONS);
  // sanitize-html re-escapes text; undo exactly what it escapes (`&` last).
  const text = escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return text
    .replace(/\s+/g, ' ')
    .replace(new RegExp(` ?[${BLOCK}${PARAGRAPH}][ ${BLOCK}${PARAGRAPH}]*`, 'g'), (run) =>
      run.includes(PARAGRAPH) ? '\n\n' : '\n',
    )
    .replace(new RegExp(` ?${LINE} ?`, 'g'), '\n')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

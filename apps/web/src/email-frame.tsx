import { t } from './i18n/index';

/**
 * The frame's own policy, on top of the page's: nothing loads at all (no remote images, fonts or
 * frames), inline styles only. With `sandbox` empty the frame runs no script, submits no form,
 * opens no window and navigates nothing outside itself, and is a unique origin: it cannot reach
 * this page, its cookies or the API.
 */
const FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
/** A restricted queue's mail: no image loads at all, even one the API should already have dropped. */
const NO_MEDIA_FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

function documentOf(html: string, policy: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"></head><body dir="auto">${html}</body></html>`;
}

/** An email's HTML, only ever inside a sandboxed frame (the API has sanitized it already); `noMedia` for a restricted queue. */
export function EmailFrame({ html, from, noMedia = false }: { html: string; from: string; noMedia?: boolean }) {
  return <iframe className="email-html" sandbox="" referrerPolicy="no-referrer" srcDoc={documentOf(html, noMedia ? NO_MEDIA_FRAME_POLICY : FRAME_POLICY)} title={t('ticket.htmlFrame', { from })} />;
}

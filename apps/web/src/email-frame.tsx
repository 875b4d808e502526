import { t } from './i18n/index';

/**
 * The frame's own policy, on top of the page's: nothing loads at all (no remote images, fonts or
 * frames), inline styles only. With `sandbox` empty the frame runs no script, submits no form,
 * opens no window and navigates nothing outside itself, and is a unique origin: it cannot reach
 * this page, its cookies or the API.
 */
const FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
/** A reader pressed "show images": https images load too (the page's own policy allows them for this). */
const REMOTE_IMAGES_FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:";
/** A restricted queue's mail: no image loads at all, even one the API should already have dropped. */
const NO_MEDIA_FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

function documentOf(html: string, policy: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"></head><body dir="auto">${html}</body></html>`;
}

/**
 * An email's HTML, only ever inside a sandboxed frame (the API has sanitized it already);
 * `noMedia` for a restricted queue (wins over everything), `remoteImages` once the reader asked.
 */
export function EmailFrame({ html, from, noMedia = false, remoteImages = false }: { html: string; from: string; noMedia?: boolean; remoteImages?: boolean }) {
  const policy = noMedia ? NO_MEDIA_FRAME_POLICY : remoteImages ? REMOTE_IMAGES_FRAME_POLICY : FRAME_POLICY;
  return <iframe className="email-html" sandbox="" referrerPolicy="no-referrer" srcDoc={documentOf(html, policy)} title={t('ticket.htmlFrame', { from })} />;
}

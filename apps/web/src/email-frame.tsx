import { t } from './i18n';

/**
 * The frame's own policy, on top of the page's: nothing loads at all (no remote images, fonts or
 * frames), inline styles only. With `sandbox` empty the frame runs no script, submits no form,
 * opens no window and navigates nothing outside itself, and is a unique origin: it cannot reach
 * this page, its cookies or the API.
 */
const FRAME_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function documentOf(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}"></head><body dir="auto">${html}</body></html>`;
}

/** An email's HTML, only ever inside a sandboxed frame (the API has sanitized it already). */
export function EmailFrame({ html, from }: { html: string; from: string }) {
  return <iframe className="email-html" sandbox="" referrerPolicy="no-referrer" srcDoc={documentOf(html)} title={t('ticket.htmlFrame', { from })} />;
}

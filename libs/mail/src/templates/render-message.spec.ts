import { sampleContext, stakeholderContext, type StakeholderFacts } from '@casework/domain';
import { renderMessage } from './render-message.js';

const facts: StakeholderFacts = {
  ticket: { id: 't1', number: '100007', subject: 'Threats', priority: 'normal', createdAt: new Date('2025-03-01T12:00:00Z'), slaDueAt: null },
  requester: { email: 'alex@example.org', name: 'Alex <script>alert(1)</script>' },
  queue: { name: 'Safety', address: 'safety@example.org', emergency: false },
  previous: { text: 'line one\nline <two>', from: 'alex@example.org', date: new Date('2025-03-01T12:00:00Z') },
};
const partials = { salutation: { text: 'Hello {{requester.name}},' }, signature: { text: 'Regards,\nThe {{queue.name}} team' } };
const reader = { locale: 'en', timeZone: 'Europe/Berlin' };

describe('renderMessage', () => {
  it('renders text unescaped and HTML escaped, partials included, blank lines tidied', () => {
    const mail = renderMessage({ subject: 'Re:\n {{ticket.subject}}', text: '{{> salutation}}\n\n\n\nTicket {{ticketTag}}\n\n{{> signature}}', html: null }, partials, stakeholderContext(facts, 'en'), reader);
    expect(mail.subject).toBe('Re: Threats');
    expect(mail.text).toBe('Hello Alex <script>alert(1)</script>,\n\nTicket [#100007]\n\nRegards,\nThe Safety team\n');
    expect(mail.html).toContain('<p>Hello Alex &lt;script&gt;alert(1)&lt;/script&gt;,</p>');
    expect(mail.html).toContain('<p>Regards,<br>\nThe Safety team</p>');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toMatch(/<html lang="en" dir="ltr">/);
  });

  it('writes dates in the reader\'s locale and time zone', () => {
    const render = (locale: string, timeZone: string) => renderMessage({ subject: '', text: '{{date ticket.createdAt}}', html: null }, {}, stakeholderContext(facts, locale), { locale, timeZone }).text.trim();
    expect(render('en', 'Europe/Berlin')).toBe('March 1, 2025 at 1:00 PM GMT+1');
    expect(render('de', 'Europe/Berlin')).toBe('1. März 2025 um 13:00 MEZ');
    expect(render('en', 'Not/AZone')).toBe('March 1, 2025 at 12:00 PM UTC');
  });

  it('quotes the previous message: > lines in text, an escaped blockquote in HTML', () => {
    const mail = renderMessage({ subject: '', text: 'You wrote:\n{{quote}}', html: null }, {}, stakeholderContext(facts, 'en'), reader);
    expect(mail.text).toBe('You wrote:\n> line one\n> line <two>\n');
    expect(mail.html).toContain('<p>You wrote:</p>\n<blockquote');
    expect(mail.html).toMatch(/<blockquote style="[^"]*border-left[^"]*">line one<br>line &lt;two&gt;<\/blockquote>/);
  });

  it('lays Arabic out right to left', () => {
    const mail = renderMessage({ subject: 'x', text: 'مرحبًا {{requester.name}}', html: null }, {}, stakeholderContext(facts, 'ar'), { locale: 'ar', timeZone: 'UTC' });
    expect(mail.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(mail.html).toMatch(/<body dir="rtl"[^>]*text-align:right/);
  });

  it('sanitises an HTML part written by an admin, its variables escaped', () => {
    const html = '<p onclick="x()">Hi {{requester.name}}</p><script>steal()</script><img src="https://track.example/p.gif">{{> signature}}';
    const mail = renderMessage({ subject: 's', text: 't', html }, partials, stakeholderContext(facts, 'en'), reader);
    expect(mail.html).toContain('<p>Hi Alex &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(mail.html).not.toMatch(/onclick|steal|track\.example/);
    expect(mail.html).toContain('Regards,<br />The Safety team');
  });

  it('renders a missing partial as nothing, and a sample context for every catalog scope', () => {
    const mail = renderMessage({ subject: '{{ticket.subject}}', text: '{{> salutation}}x', html: null }, {}, sampleContext('message', 'acknowledgement', 'en'), reader);
    expect(mail.text).toBe('x\n');
    expect(renderMessage({ subject: '{{clock.kind}}', text: '{{clock.dueAt}}', html: null }, {}, sampleContext('message', 'sla-breach', 'fr'), reader).subject).toBe('first_response');
  });
});

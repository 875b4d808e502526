import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { CaseworkSuite, freePort, type CaughtMail } from '@casework/devkit';
import { eventually } from '../support/poll.js';

interface TicketItem {
  id: string;
  number: string;
  subject: string;
  language: string | null;
}

interface ArticleItem {
  direction: string;
  messageId: string | null;
  delivery: { state: string; attempts: number; locale: string | null; template: { key: string; version: number } | null } | null;
}

/**
 * A mail in Spanish gets a Spanish acknowledgement, one in Arabic an Arabic one laid out right
 * to left, through the whole suite: both go to the default queue, which names no language;
 * routing detects each mail's language and template-reply answers in it. (A queue's default
 * locale, when the ticket has none, is proved in apps/template-reply/test/template-reply.int-spec.ts.)
 */
describe('acknowledgements in the writer’s language, from the mail to the ticket', () => {
  let suite: CaseworkSuite;
  let smtpPort: number;

  async function push(from: string, to: string, subject: string, text: string): Promise<void> {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ from, to, subject, text });
    transport.close();
  }

  async function ticketAndAcknowledgement(subject: string, to: string): Promise<{ ticket: TicketItem; mail: CaughtMail; html: string }> {
    const ticket = await eventually(async () => (await suite.api<{ items: TicketItem[] }>('/tickets?limit=100')).body.items.find((t) => t.subject === subject), 20_000, `the ticket "${subject}"`);
    const mail = await suite.smtp.waitFor((m) => m.envelopeTo.includes(to) && m.subject.includes(`[#${ticket.number}]`), 15_000);
    const parsed = await simpleParser(mail.raw);
    return { ticket, mail, html: typeof parsed.html === 'string' ? parsed.html : '' };
  }

  async function acknowledgementArticle(ticketId: string): Promise<ArticleItem> {
    return eventually(
      async () => {
        const { body } = await suite.api<{ articles: ArticleItem[] }>(`/tickets/${ticketId}`);
        const article = body.articles.find((a) => a.direction === 'outbound');
        return article?.delivery?.state === 'sent' ? article : undefined;
      },
      10_000,
      'the acknowledgement sent, on the ticket',
    );
  }

  beforeAll(async () => {
    smtpPort = await freePort();
    suite = await CaseworkSuite.start({ firstResponseMinutes: 60, env: { SMTP_LISTEN_PORT: String(smtpPort), SMTP_LISTEN_HOST: '127.0.0.1' } });
  }, 180_000);

  afterAll(async () => {
    await suite?.stop();
  });

  it('answers a mail in Spanish in Spanish', async () => {
    const subject = 'Me están acosando en un foro';
    await push('María López <maria@example.es>', 'safety@casework.test', subject, 'Hola. Desde hace una semana alguien publica mis datos personales y mi dirección en un foro. Tengo miedo. ¿Qué puedo hacer?');
    const { ticket, mail, html } = await ticketAndAcknowledgement(subject, 'maria@example.es');
    expect(ticket.language).toBe('es');
    expect(mail.subject).toBe(`Hemos recibido su mensaje: ${subject} [#${ticket.number}]`);
    expect(mail.text).toMatch(/^Hola, María López:\n\nGracias por escribirnos\. Recibimos su mensaje el .+ y le hemos asignado el número de caso \d+\./);
    expect(mail.text).toContain(`mantenga [#${ticket.number}] en el asunto`);
    expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail.headers.get('reply-to')).toBe('safety@casework.test');
    expect(html).toMatch(/<html lang="es" dir="ltr">/);
    const article = await acknowledgementArticle(ticket.id);
    expect(article.delivery).toMatchObject({ state: 'sent', attempts: 1, locale: 'es', template: { key: 'acknowledgement', version: 1 } });
    expect(`<${article.messageId}>`).toBe(mail.messageId);
  });

  it('answers a mail in Arabic in Arabic, right to left', async () => {
    const subject = 'شخص يهددني عبر الرسائل';
    await push('سارة <sara@example.sa>', 'safety@casework.test', subject, 'مرحبًا، أتلقى رسائل تهديد من حساب مجهول منذ أسبوع. أرجو المساعدة.');
    const { ticket, mail, html } = await ticketAndAcknowledgement(subject, 'sara@example.sa');
    expect(ticket.language).toBe('ar');
    expect(mail.subject).toBe(`تلقّينا رسالتك: ${subject} [#${ticket.number}]`);
    expect(mail.text).toMatch(/^مرحبًا سارة،\n\nشكرًا لتواصلك معنا\./);
    expect(mail.text).toContain('فريق Safety');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toMatch(/<body dir="rtl"[^>]*text-align:right/);
    expect(html).toContain('<p>مرحبًا سارة،</p>');
    expect((await acknowledgementArticle(ticket.id)).delivery).toMatchObject({ state: 'sent', locale: 'ar' });
  });
});

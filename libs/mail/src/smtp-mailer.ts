import nodemailer, { type Transporter } from 'nodemailer';

export interface SmtpOptions {
  host: string;
  port: number;
  tls: boolean;
  user?: string;
  password?: string;
}

export interface OutgoingMail {
  from: string;
  to: { email: string; name: string | null };
  subject: string;
  text: string;
  /** Without angle brackets; fixed before the first attempt so a resend repeats it. */
  messageId: string;
  inReplyTo?: string | null;
  references?: string[];
  headers?: Record<string, string>;
}

/** Sends one plain-text mail over SMTP; throws when the server does not accept it. */
export class SmtpMailer {
  private readonly transport: Transporter;

  constructor(options: SmtpOptions) {
    this.transport = nodemailer.createTransport({
      host: options.host,
      port: options.port,
      secure: options.tls,
      // A pool reuses connections: a burst of breaches or acknowledgements is not one
      // TCP and SMTP handshake per mail. Concurrent sends share these connections (more
      // queue); a connection is renewed after 100 messages, a cap many providers enforce.
      pool: true,
      maxConnections: 5,
      maxMessages: 100,
      auth: options.user ? { user: options.user, pass: options.password ?? '' } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  /** From the validated SMTP_* settings of a service. */
  static fromSettings(settings: { SMTP_HOST: string; SMTP_PORT: number; SMTP_TLS: boolean; SMTP_USER?: string; SMTP_PASSWORD?: string }): SmtpMailer {
    return new SmtpMailer({ host: settings.SMTP_HOST, port: settings.SMTP_PORT, tls: settings.SMTP_TLS, user: settings.SMTP_USER, password: settings.SMTP_PASSWORD });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: mail.from,
      to: mail.to.name ? { address: mail.to.email, name: mail.to.name } : mail.to.email,
      subject: mail.subject,
      text: mail.text,
      messageId: `<${mail.messageId}>`,
      inReplyTo: mail.inReplyTo ? `<${mail.inReplyTo}>` : undefined,
      references: mail.references?.length ? mail.references.map((id) => `<${id}>`).join(' ') : undefined,
      headers: mail.headers,
    });
  }

  close(): void {
    this.transport.close();
  }
}

/** The domain part of an address, for Message-IDs we mint on its behalf. */
export function domainOfAddress(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1) || 'casework.localhost';
}

import { connect as connectTcp, type Socket } from 'node:net';

/*
 * The sending side of the SMTP/LMTP push tests. Free of jest globals (the build compiles it
 * with the sources).
 */

export interface Reply {
  code: number;
  text: string;
}

/**
 * A deliberately small SMTP/LMTP client over a raw socket: every reply is visible (nodemailer
 * hides per-recipient and multi-reply details), and a session can be paused between commands.
 */
export class MailClient {
  private buffer = '';
  private readonly replies: Reply[] = [];
  private waiting: (() => void) | null = null;
  private closed = false;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.parse();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiting?.();
    });
    socket.on('error', () => undefined);
  }

  static async open(port: number, hello: 'EHLO' | 'LHLO' = 'EHLO'): Promise<MailClient> {
    const socket = connectTcp({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new MailClient(socket);
    const greeting = await client.reply();
    if (greeting.code !== 220) throw new Error(`greeting ${greeting.code} ${greeting.text}, want 220`);
    const hi = await client.command(`${hello} client.test`);
    if (hi.code !== 250) throw new Error(`${hello} answered ${hi.code} ${hi.text}, want 250`);
    return client;
  }

  async reply(): Promise<Reply> {
    const deadline = Date.now() + 15_000;
    while (this.replies.length === 0) {
      if (this.closed) throw new Error('connection closed while waiting for a reply');
      if (Date.now() > deadline) throw new Error('no SMTP reply within 15 s');
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
        setTimeout(resolve, 100);
      });
      this.waiting = null;
    }
    return this.replies.shift()!;
  }

  async command(line: string): Promise<Reply> {
    this.socket.write(`${line}\r\n`);
    return this.reply();
  }

  /** DATA with dot-stuffing; `replies` is the number of recipients under LMTP. */
  async data(message: Buffer, replies = 1): Promise<Reply[]> {
    const go = await this.command('DATA');
    if (go.code !== 354) return [go];
    const stuffed = message.toString('latin1').replace(/(^|\r\n)\./g, '$1..');
    this.socket.write(Buffer.from(`${stuffed}${stuffed.endsWith('\r\n') ? '' : '\r\n'}.\r\n`, 'latin1'));
    const result: Reply[] = [];
    for (let i = 0; i < replies; i++) result.push(await this.reply());
    return result;
  }

  async quit(): Promise<void> {
    if (!this.closed) await this.command('QUIT').catch(() => undefined);
    this.socket.destroy();
  }

  private parse(): void {
    let lines: string[] = [];
    for (;;) {
      const end = this.buffer.indexOf('\r\n');
      if (end < 0) break;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      lines.push(line.slice(4));
      if (line[3] !== '-') {
        this.replies.push({ code: Number(line.slice(0, 3)), text: lines.join('\n') });
        lines = [];
      }
    }
    this.waiting?.();
  }
}

export interface Delivery {
  mail: Reply;
  rcpt: Reply[];
  data: Reply[];
}

/** One complete transaction: MAIL, every RCPT, DATA (only when a recipient was accepted). */
export async function deliver(port: number, message: Buffer, to: string[], options: { from?: string; lmtp?: boolean; mailParams?: string } = {}): Promise<Delivery> {
  const client = await MailClient.open(port, options.lmtp ? 'LHLO' : 'EHLO');
  try {
    const mail = await client.command(`MAIL FROM:<${options.from ?? 'rita@example.org'}>${options.mailParams ?? ''}`);
    if (mail.code !== 250) return { mail, rcpt: [], data: [] };
    const rcpt: Reply[] = [];
    for (const address of to) rcpt.push(await client.command(`RCPT TO:<${address}>`));
    const accepted = rcpt.filter((r) => r.code === 250).length;
    const data = accepted > 0 ? await client.data(message, options.lmtp ? accepted : 1) : [];
    return { mail, rcpt, data };
  } finally {
    await client.quit();
  }
}

export function mail(lines: string[], body: string): Buffer {
  return Buffer.from([...lines, '', body, ''].join('\r\n'));
}

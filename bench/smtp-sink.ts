import { createServer, type Server, type Socket } from 'node:net';

/**
 * The far end of the acknowledgements during a benchmark: a minimal SMTP server (RFC 5321:
 * EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no extensions) that accepts every message and
 * keeps only a count. The devkit's catcher (smtp-server, messages kept for assertions) costs
 * about 0.3 ms of CPU per message on the same two cores as the suite; a real suite hands its
 * mail to a relay on another machine.
 */
export class SmtpSink {
  /** Messages accepted (250 after their DATA). */
  received = 0;
  /** When the first and the latest message were accepted (ms since the epoch; 0: none yet). */
  firstAt = 0;
  lastAt = 0;
  private readonly server: Server = createServer((socket) => serve(socket, () => this.accepted()));

  private accepted(): void {
    this.received++;
    this.lastAt = Date.now();
    if (this.firstAt === 0) this.firstAt = this.lastAt;
  }

  /** Messages per second between the first and the latest accepted one. */
  rate(): number {
    return this.received > 1 && this.lastAt > this.firstAt ? ((this.received - 1) * 1000) / (this.lastAt - this.firstAt) : 0;
  }

  private constructor(readonly host: string) {}

  static async start(host = '127.0.0.1'): Promise<SmtpSink> {
    const sink = new SmtpSink(host);
    await new Promise<void>((resolve, reject) => {
      sink.server.once('error', reject);
      sink.server.listen(0, host, () => resolve());
    });
    return sink;
  }

  get port(): number {
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('SMTP sink is not listening on TCP');
    return address.port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const END_OF_DATA = '\r\n.\r\n';

function serve(socket: Socket, accepted: () => void): void {
  socket.setEncoding('latin1');
  let inData = false;
  // Commands: text after the last CRLF. Data: the last bytes seen, enough to find the end marker across chunks.
  let pending = '';
  socket.write('220 casework-bench-sink ESMTP\r\n');
  socket.on('data', (chunk: string) => {
    pending += chunk;
    for (;;) {
      if (inData) {
        const end = pending.indexOf(END_OF_DATA);
        if (end < 0) {
          pending = pending.slice(-(END_OF_DATA.length - 1));
          return;
        }
        pending = pending.slice(end + END_OF_DATA.length);
        inData = false;
        accepted();
        socket.write('250 2.0.0 accepted\r\n');
        continue;
      }
      const lineEnd = pending.indexOf('\r\n');
      if (lineEnd < 0) return;
      const line = pending.slice(0, lineEnd);
      pending = pending.slice(lineEnd + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO') socket.write('250-casework-bench-sink\r\n250 8BITMIME\r\n');
      else if (verb === 'DATA') {
        inData = true;
        // The end marker may follow the DATA line's own CRLF directly (an empty message).
        pending = '\r\n' + pending;
        socket.write('354 end with <CRLF>.<CRLF>\r\n');
      } else if (verb === 'QUIT') {
        socket.end('221 2.0.0 bye\r\n');
        return;
      } else if (['HELO', 'MAIL', 'RCPT', 'RSET', 'NOOP'].includes(verb)) socket.write('250 2.0.0 ok\r\n');
      else socket.write('502 5.5.1 not implemented\r\n');
    }
  });
  socket.on('error', () => socket.destroy());
}

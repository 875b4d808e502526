import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

/** Secrets and message content never reach the log, whatever a caller passes. */
const REDACT = [
  'password',
  '*.password',
  'pass',
  '*.pass',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'body',
  '*.body',
  'raw',
  '*.raw',
  'text',
  '*.text',
  'html',
  '*.html',
];

/** `mixin`: fields merged into every line, e.g. the id of the request being served (the api's). */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info', { mixin }: { mixin?: () => object } = {}): Logger {
  return pino({ name: service, level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service }, mixin });
}

/** Nest's logger interface over pino, so framework and our own lines share one format. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

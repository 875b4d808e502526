import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

// Implicit conversion would turn the string 'false' into true, so read the raw value.
const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  if (typeof raw !== 'string') return raw;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  return raw;
};

/** Every service talks to Postgres and NATS and logs. */
export class BaseSettings {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/casework';

  @Matches(/^(nats|tls):\/\/[^\s]+$|^[^\s:/]+:\d+$/, { message: 'must be a nats:// URL' })
  NATS_URL: string = 'nats://127.0.0.1:4222';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';
}

/** Workers serve /health and /metrics on their own port. */
export class WorkerSettings extends BaseSettings {
  @IsInt() @Min(0) @Max(65535)
  HTTP_PORT: number = 0;
}

export class IngestSettings extends WorkerSettings {
  @IsString() @IsNotEmpty({ message: 'must be set (the IMAP server to watch)' })
  IMAP_HOST!: string;

  @IsInt() @Min(1) @Max(65535)
  IMAP_PORT: number = 993;

  @Transform(toBoolean) @IsBoolean()
  IMAP_TLS: boolean = true;

  @IsString() @IsNotEmpty({ message: 'must be set' })
  IMAP_USER!: string;

  @IsString() @IsNotEmpty({ message: 'must be set' })
  IMAP_PASSWORD!: string;

  @IsString() @IsNotEmpty()
  IMAP_MAILBOX: string = 'INBOX';

  /** The address the bootstrap mailbox receives for; tickets from it land in the default queue. */
  @IsEmail({ require_tld: false }, { message: 'must be an email address' })
  MAIL_FROM: string = 'safety@casework.localhost';

  /** Messages fetched per catch-up batch: bounds memory during a backlog. */
  @IsInt() @Min(1) @Max(10000)
  IMAP_BATCH_SIZE: number = 200;
}

export class RoutingSettings extends WorkerSettings {
  @IsEmail({ require_tld: false }, { message: 'must be an email address' })
  MAIL_FROM: string = 'safety@casework.localhost';
}

export class SmtpSettings extends WorkerSettings {
  @IsString() @IsNotEmpty()
  SMTP_HOST: string = '127.0.0.1';

  @IsInt() @Min(1) @Max(65535)
  SMTP_PORT: number = 25;

  @Transform(toBoolean) @IsBoolean()
  SMTP_TLS: boolean = false;

  @IsOptional() @IsString()
  SMTP_USER?: string;

  @IsOptional() @IsString()
  SMTP_PASSWORD?: string;

  @IsEmail({ require_tld: false }, { message: 'must be an email address' })
  MAIL_FROM: string = 'safety@casework.localhost';
}

export class TemplateReplySettings extends SmtpSettings {}

export class NotificationSettings extends SmtpSettings {
  @IsEmail({ require_tld: false }, { message: 'must be an email address' })
  OPS_EMAIL: string = 'ops@casework.localhost';

  @IsNumber({}, { message: 'must be a number of minutes' }) @Min(0)
  SLA_FIRST_RESPONSE_MINUTES: number = 60;

  /** Longest sleep between sweeps when no clock is due sooner. */
  @IsInt() @Min(50) @Max(60000)
  SLA_SWEEP_MAX_SLEEP_MS: number = 1000;
}

export class ApiSettings extends BaseSettings {
  @IsInt() @Min(0) @Max(65535)
  PORT: number = 3000;

  @IsString() @MinLength(16, { message: 'must be at least 16 characters' })
  API_BOOTSTRAP_TOKEN!: string;
}

/** Settings of `npm run migrate` and the seed. */
export class SeedSettings extends BaseSettings {
  @IsEmail({ require_tld: false }, { message: 'must be an email address' })
  MAIL_FROM: string = 'safety@casework.localhost';

  @IsEmail({ require_tld: false }, { message: 'must be an email address' })
  OPS_EMAIL: string = 'ops@casework.localhost';

  @IsNumber({}, { message: 'must be a number of minutes' }) @Min(0)
  SLA_FIRST_RESPONSE_MINUTES: number = 60;
}

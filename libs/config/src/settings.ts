import { Transform } from 'class-transformer';
import { ArrayNotEmpty, IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { dkimWanted, IsDkimKey, IsDkimKeyFile, type DkimSettings } from './dkim.js';
import { IsExportSigningKey } from './export-signing-key.js';
import { IsSecretKey } from './secret-box.js';

// Implicit conversion would turn the string 'false' into true, so read the raw value.
const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  if (typeof raw !== 'string') return raw;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  return raw;
};

// A comma-separated list, read raw for the same reason; blanks around the commas are dropped.
const toList = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  if (typeof raw !== 'string') return raw;
  return raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
};

/** What a browser sends as Origin: scheme, host and optional port, nothing after. */
const WEB_ORIGIN = /^https?:\/\/[^/?#\s]+$/;

/** Every service talks to Postgres and NATS and logs. */
export class BaseSettings {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/casework';

  /** One server, or several separated by commas (the members of a cluster: any one reached is enough). */
  @Matches(/^\s*(((nats|tls):\/\/[^\s,]+|[^\s:/,]+:\d+)\s*)(,\s*((nats|tls):\/\/[^\s,]+|[^\s:/,]+:\d+)\s*)*$/, { message: 'must be a nats:// URL, or several separated by commas' })
  NATS_URL: string = 'nats://127.0.0.1:4222';

  /** Copies JetStream keeps of the CASEWORK stream (and its consumers): 3 on a 3-node cluster. Never lowered automatically. */
  @IsInt() @Min(1) @Max(5)
  NATS_STREAM_REPLICAS: number = 1;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';
}

/** Workers serve /health and /metrics on their own port. */
export class WorkerSettings extends BaseSettings {
  @IsInt() @Min(0) @Max(65535)
  HTTP_PORT: number = 0;

  /** Deliveries of one event before its consumer gives up and records it as a dead letter. */
  @IsInt() @Min(1) @Max(1000)
  EVENT_MAX_DELIVER: number = 10;
}

// An SMTP-only ingest (SMTP_LISTEN_PORT set, IMAP_HOST unset) needs no IMAP account.
const imapWanted = (settings: IngestSettings) => !!settings.IMAP_HOST || !(Number(settings.SMTP_LISTEN_PORT) > 0);

export class IngestSettings extends WorkerSettings {
  /** Unset (undefined at run time) only for an SMTP-only ingest: the IMAP watcher then stays off. */
  @ValidateIf(imapWanted)
  @IsString() @IsNotEmpty({ message: 'must be set (the IMAP server to watch), unless SMTP_LISTEN_PORT receives pushed mail' })
  IMAP_HOST!: string;

  @IsInt() @Min(1) @Max(65535)
  IMAP_PORT: number = 993;

  @Transform(toBoolean) @IsBoolean()
  IMAP_TLS: boolean = true;

  @ValidateIf(imapWanted)
  @IsString() @IsNotEmpty({ message: 'must be set' })
  IMAP_USER!: string;

  @ValidateIf(imapWanted)
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

  /** Port of the SMTP (or LMTP) listener a mail server pushes mail to; 0 = no listener. */
  @IsInt() @Min(0) @Max(65535)
  SMTP_LISTEN_PORT: number = 0;

  /** Interface of the SMTP listener; loopback unless the MTA runs on another host. */
  @IsString() @IsNotEmpty()
  SMTP_LISTEN_HOST: string = '127.0.0.1';

  /** Largest pushed message accepted (advertised as SIZE; bigger ones get 552). */
  @IsInt() @Min(1)
  SMTP_MAX_BYTES: number = 26214400;

  /** Speak LMTP (RFC 2033) instead of SMTP on SMTP_LISTEN_PORT. */
  @Transform(toBoolean) @IsBoolean()
  SMTP_LMTP: boolean = false;

  /**
   * AES-256-GCM key (32 bytes, base64 or hex) that opens the IMAP passwords stored through the
   * API; the API's must be the same. Unset: this replica leaves such mailboxes to others.
   */
  @IsOptional() @IsSecretKey()
  MAILBOX_SECRET_KEY?: string;

  /** Most IMAP mailboxes this replica holds at once. Unset: no limit; 0: none (an SMTP-only replica). */
  @IsOptional() @IsInt() @Min(0)
  INGEST_MAX_MAILBOXES?: number;

  /** How often a replica looks for mailboxes to take (unheld, e.g. their holder died) or drop (disabled). */
  @IsInt() @Min(200) @Max(60000)
  INGEST_SCAN_INTERVAL_MS: number = 5000;

  /** How often a long catch-up logs its progress (count, rate, ETA). */
  @IsInt() @Min(100)
  INGEST_PROGRESS_INTERVAL_MS: number = 10000;
}

export class RoutingSettings extends WorkerSettings {
  @IsEmail({ require_tld: false }, { message: 'must be an email address' })
  MAIL_FROM: string = 'safety@casework.localhost';

  /** Wall-clock budget of one message's MIME parse; a parser still busy after it is stopped and the mail quarantined. */
  @IsInt() @Min(10) @Max(600000)
  MAIL_PARSE_TIMEOUT_MS: number = 10000;

  /** Larger raw messages are quarantined unparsed (default 25 MiB, what big providers accept). */
  @IsInt() @Min(1)
  MAIL_MAX_BYTES: number = 26214400;

  /**
   * Worker threads that parse mail, off the event loop. One by default: a routing batch waits
   * for its slowest parse anyway, and a second thread cost a third more CPU per message on a
   * 2-core machine shared by the whole suite (bench:ingest); raise it on bigger machines.
   */
  @IsInt() @Min(1) @Max(64)
  MAIL_PARSER_WORKERS: number = 1;

  /** Larger attachments keep their metadata and SHA-256 but not their bytes (the raw message still has them). */
  @IsInt() @Min(0)
  ATTACHMENT_MAX_BYTES: number = 26214400;

  /** Most mail.received events routed in one transaction (under load; a lone event goes at once). */
  @IsInt() @Min(1) @Max(100)
  ROUTING_BATCH_SIZE: number = 50;

  /** A raw message not routed this long after arrival gets its event again (NATS lost it). */
  @IsInt() @Min(1000)
  RECONCILE_GRACE_MS: number = 60000;

  /** How often the reconciler looks for such messages. */
  @IsInt() @Min(100)
  RECONCILE_INTERVAL_MS: number = 15000;

  /**
   * The slug of the queue a mail goes to when one of its attachments is on a hash list (known
   * abuse material). Routing creates it, restricted (grant holders only), the first time it is
   * needed if it does not exist; a queue of that slug that exists is used as it is.
   */
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'must be a queue slug: 1 to 63 lower-case letters, digits or dashes, starting with a letter or digit' })
  CHILD_SAFETY_QUEUE: string = 'child-safety';

  /** Tests only: absolute path of a worker module replacing the built-in parser worker. Leave unset. */
  @IsOptional() @IsString() @Matches(/^\/.+\.js$/, { message: 'must be an absolute path to a .js file' })
  MAIL_PARSER_TEST_WORKER?: string;
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

  /** DKIM signing (off unless set): the d= domain, the selector whose TXT record holds the public key, and the key. */
  @ValidateIf(dkimWanted)
  @Matches(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, { message: 'must be the domain the DKIM record is published under (set with DKIM_SELECTOR and a key)' })
  DKIM_DOMAIN?: string;

  @ValidateIf(dkimWanted)
  @Matches(/^[a-z0-9]([a-z0-9._-]{0,62})$/i, { message: 'must be the DKIM selector (set with DKIM_DOMAIN and a key)' })
  DKIM_SELECTOR?: string;

  /** PEM RSA private key (line breaks may be written as \n); or DKIM_PRIVATE_KEY_FILE. Never logged. */
  @ValidateIf((settings: DkimSettings) => dkimWanted(settings) && !settings.DKIM_PRIVATE_KEY_FILE)
  @IsDkimKey()
  DKIM_PRIVATE_KEY?: string;

  @ValidateIf((settings: DkimSettings) => dkimWanted(settings) && !settings.DKIM_PRIVATE_KEY)
  @IsDkimKeyFile()
  DKIM_PRIVATE_KEY_FILE?: string;
}

export class TemplateReplySettings extends SmtpSettings {
  /** Most ticket.opened events acknowledged in one transaction (under load; a lone event goes at once). */
  @IsInt() @Min(1) @Max(100)
  TEMPLATE_REPLY_BATCH_SIZE: number = 50;

  /** Attempts of one outgoing mail in all (the first included) before it is `failed`. */
  @IsInt() @Min(1) @Max(50)
  OUTBOUND_MAX_ATTEMPTS: number = 8;

  /** Wait after the first failed attempt; each further wait is OUTBOUND_RETRY_FACTOR times the one before. */
  @IsInt() @Min(10) @Max(86_400_000)
  OUTBOUND_RETRY_BASE_MS: number = 30_000;

  @IsNumber({}, { message: 'must be a number' }) @Min(1) @Max(10)
  OUTBOUND_RETRY_FACTOR: number = 3.5;

  /** How long a sender holds a message it is sending; one still `sending` after this (its sender died) is sent again. */
  @IsInt() @Min(100) @Max(3_600_000)
  OUTBOUND_SENDING_LEASE_MS: number = 120_000;

  /** How often due retries (and abandoned sends) are looked for. */
  @IsInt() @Min(50) @Max(600_000)
  OUTBOUND_RETRY_SWEEP_MS: number = 5000;

  /** RFC 3834: at most one acknowledgement per sender and queue in this many minutes; 0: no limit. */
  @IsNumber({}, { message: 'must be a number of minutes' }) @Min(0)
  ACK_PER_SENDER_WINDOW_MINUTES: number = 1440;
}

export class NotificationSettings extends SmtpSettings {
  @IsEmail({ require_tld: false }, { message: 'must be an email address' })
  OPS_EMAIL: string = 'ops@casework.localhost';

  @IsNumber({}, { message: 'must be a number of minutes' }) @Min(0)
  SLA_FIRST_RESPONSE_MINUTES: number = 60;

  /** Longest sleep between sweeps when no clock is due sooner. */
  @IsInt() @Min(50) @Max(60000)
  SLA_SWEEP_MAX_SLEEP_MS: number = 250;

  /** An unacknowledged page goes to the next person on call after this many minutes (fractions allowed). */
  @IsNumber({}, { message: 'must be a number of minutes' }) @Min(0.001)
  PAGE_ESCALATION_MINUTES: number = 10;

  /** First retry delay of a failed webhook delivery (doubling each attempt, capped at an hour). */
  @IsInt() @Min(10) @Max(3_600_000)
  WEBHOOK_RETRY_BASE_MS: number = 5000;

  /** How often the retention purge runs (minutes; daily by default, and once soon after start). 0: never here. */
  @IsInt() @Min(0) @Max(10_080)
  RETENTION_PURGE_INTERVAL_MINUTES: number = 1440;

  /** Most ticket or reply events handled in one SLA transaction (under load; a lone event goes at once). */
  @IsInt() @Min(1) @Max(100)
  SLA_EVENT_BATCH_SIZE: number = 50;
}

export class ApiSettings extends BaseSettings {
  @IsInt() @Min(0) @Max(65535)
  PORT: number = 3000;

  @IsString() @MinLength(16, { message: 'must be at least 16 characters' })
  API_BOOTSTRAP_TOKEN!: string;

  /** OpenID Connect issuer whose JWTs are accepted as bearer tokens (matched to a user by `email`); unset: off. */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  OIDC_ISSUER?: string;

  /** The `aud` a JWT must carry; unset: not checked. */
  @IsOptional() @IsString() @MinLength(1)
  OIDC_AUDIENCE?: string;

  /** The issuer's JWKS; unset: read from its /.well-known/openid-configuration. */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  OIDC_JWKS_URL?: string;

  /** The web inbox's OAuth client at the issuer (authorization code + PKCE); unset: OIDC_AUDIENCE. With the issuer, turns "Sign in with single sign-on" on. */
  @IsOptional() @IsString() @MinLength(1, { message: 'must not be empty' }) @Matches(/^[\x21-\x7e]+$/, { message: 'must be printable ASCII without spaces' })
  OIDC_CLIENT_ID?: string;

  /** The client's secret, sent as client_secret_post when set; unset: a public client (PKCE alone). Never logged. */
  @IsOptional() @IsString() @MinLength(1, { message: 'must not be empty' })
  OIDC_CLIENT_SECRET?: string;

  /** Where the issuer sends the browser back; unset: `<the request's origin>/api/v1/sessions/oidc/callback`. */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  @Matches(/\/api\/v1\/sessions\/oidc\/callback$/, { message: 'must end in /api/v1/sessions/oidc/callback' })
  OIDC_REDIRECT_URL?: string;

  /**
   * AES-256-GCM key (32 bytes, base64 or hex) sealing the IMAP passwords of mailboxes created
   * through the API. Unset: the API refuses to store a password (503).
   */
  @IsOptional() @IsSecretKey()
  MAILBOX_SECRET_KEY?: string;

  /**
   * Ed25519 key signing case exports' manifests (a PKCS8 PEM, or the base64 of the 32-byte
   * seed). Unset: the API runs, and exports answer 503 naming this setting. Never logged.
   */
  @IsOptional() @IsExportSigningKey()
  EXPORT_SIGNING_KEY?: string;

  /** Postgres connections this process holds at most; requests beyond them wait for one. */
  @IsInt() @Min(1) @Max(1000)
  DATABASE_POOL_SIZE: number = 10;

  /** How long a request waits for a free connection before the API answers 503 with Retry-After. */
  @IsInt() @Min(100) @Max(60000)
  DATABASE_CONNECT_TIMEOUT_MS: number = 5000;

  /**
   * Requests one bearer token may make per minute, as a bucket of this many refilled at this
   * rate; beyond it 429 with Retry-After. 0: no per-token limit. The default leaves a busy
   * specialist (and a script polling every 50 ms) room; raise it for integrations that sync.
   */
  @IsInt() @Min(0) @Max(10_000_000)
  RATE_LIMIT_PER_TOKEN_PER_MINUTE: number = 1200;

  /**
   * Requests one client address may make per minute, with a token or without: a whole team
   * behind one office NAT shares it. 0: no per-address limit (e.g. behind a proxy that limits).
   */
  @IsInt() @Min(0) @Max(10_000_000)
  RATE_LIMIT_PER_IP_PER_MINUTE: number = 6000;

  /** Browser origins allowed to call the API cross-origin (comma-separated); unset: CORS stays off. */
  @IsOptional()
  @Transform(toList)
  @ArrayNotEmpty({ message: 'must list at least one origin' })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { each: true, message: 'must be comma-separated http(s) origins' })
  @Matches(WEB_ORIGIN, { each: true, message: 'must be origins without a path, like https://inbox.example.org or http://localhost:5173' })
  CORS_ORIGINS?: string[];

  /** A ticket's presence (`POST /tickets/:id/presence`) lasts this long after its last heartbeat. */
  @IsInt() @Min(1) @Max(600)
  PRESENCE_TTL_SECONDS: number = 30;

  /**
   * How often an open `/events` stream re-authenticates its token and reloads the caller's
   * queue access: a revoked token, a disabled user or a withdrawn grant takes effect within it.
   */
  @IsInt() @Min(1) @Max(60)
  EVENTS_RECHECK_SECONDS: number = 5;

  /** Open `/events` streams one user may hold on one api replica; one more answers 429. */
  @IsInt() @Min(1) @Max(100)
  EVENTS_STREAMS_PER_USER: number = 5;

  /** A web inbox session ends after this many minutes without a request. */
  @IsInt() @Min(1) @Max(24 * 60)
  WEB_SESSION_IDLE_MINUTES: number = 60;

  /** …and this many hours after sign-in, however busy (a shift, with room). */
  @IsInt() @Min(1) @Max(24 * 7)
  WEB_SESSION_MAX_HOURS: number = 12;

  /** Where the built web inbox is (index.html and its assets); unset: apps/web/dist beside the build. */
  @IsOptional() @IsString() @MinLength(1)
  WEB_DIST_DIR?: string;
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

import { InitialSchema1764000000000 } from './1764000000000-initial-schema.js';
import { SmtpPush1764100000000 } from './1764100000000-smtp-push.js';
import { RawMessageReconciler1764300000000 } from './1764300000000-raw-message-reconciler.js';
import { MailboxesAsData1764400000000 } from './1764400000000-mailboxes-as-data.js';
import { Attachments1764500000000 } from './1764500000000-attachments.js';
import { SlaEngine1764600000000 } from './1764600000000-sla-engine.js';
import { OncallWebhooks1764700000000 } from './1764700000000-oncall-webhooks.js';
import { QueueOpsList1764800000000 } from './1764800000000-queue-ops-list.js';
import { MailboxChangeNotify1764900000000 } from './1764900000000-mailbox-change-notify.js';
import { Lz4MailCompression1765000000000 } from './1765000000000-lz4-mail-compression.js';
import { DeadLetters1765200000000 } from './1765200000000-dead-letters.js';
import { TicketListIndexes1765300000000 } from './1765300000000-ticket-list-indexes.js';
import { Identities1765400000000 } from './1765400000000-identities.js';
import { AuditTrail1765500000000 } from './1765500000000-audit-trail.js';
import { RoutingSafety1765600000000 } from './1765600000000-routing-safety.js';
import { OpsMetrics1765800000000 } from './1765800000000-ops-metrics.js';
import { RoutingRules1765700000000 } from './1765700000000-routing-rules.js';
import { TemplateLibrary1765750000000 } from './1765750000000-template-library.js';
import { Workspace1765900000000 } from './1765900000000-workspace.js';
import { Search1765910000000 } from './1765910000000-search.js';
import { Presence1765920000000 } from './1765920000000-presence.js';
import { TriageDismissals1765940000000 } from './1765940000000-triage-dismissals.js';
import { WebSessions1765950000000 } from './1765950000000-web-sessions.js';
import { AutoAssign1765960000000 } from './1765960000000-auto-assign.js';
import { LegalHolds1765970000000 } from './1765970000000-legal-holds.js';
import { Retention1766000000000 } from './1766000000000-retention.js';

/** Every migration, oldest first. A new one is appended, never edited once landed. */
export const MIGRATIONS = [InitialSchema1764000000000, SmtpPush1764100000000, RawMessageReconciler1764300000000, MailboxesAsData1764400000000, Attachments1764500000000, SlaEngine1764600000000, OncallWebhooks1764700000000, QueueOpsList1764800000000, MailboxChangeNotify1764900000000, Lz4MailCompression1765000000000, DeadLetters1765200000000, TicketListIndexes1765300000000, Identities1765400000000, AuditTrail1765500000000, RoutingSafety1765600000000, RoutingRules1765700000000, TemplateLibrary1765750000000, OpsMetrics1765800000000, Workspace1765900000000, Search1765910000000, Presence1765920000000, TriageDismissals1765940000000, WebSessions1765950000000, AutoAssign1765960000000, LegalHolds1765970000000, Retention1766000000000];

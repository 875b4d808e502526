import type { MailboxStatusRecord, ManagedMailboxRecord } from '@casework/database';
import type { MailboxDto } from './dto/mailbox.dto.js';
import type { MailboxStatusDto } from './dto/mailbox-status.dto.js';

export function toMailboxDto(mailbox: ManagedMailboxRecord): MailboxDto {
  return {
    id: mailbox.id,
    address: mailbox.address,
    imapHost: mailbox.imapHost,
    imapPort: mailbox.imapPort,
    imapTls: mailbox.imapTls,
    imapUser: mailbox.imapUser,
    folder: mailbox.folder,
    queue: mailbox.queueId && mailbox.queueSlug ? { id: mailbox.queueId, slug: mailbox.queueSlug } : null,
    afterCommit: mailbox.afterCommit,
    enabled: mailbox.enabled,
    passwordStored: mailbox.passwordStored,
    createdAt: mailbox.createdAt.toISOString(),
    updatedAt: mailbox.updatedAt.toISOString(),
  };
}

export function toMailboxStatusDto(status: MailboxStatusRecord): MailboxStatusDto {
  return {
    state: status.state,
    holder: status.holder,
    lagMessages: status.lagMessages,
    catchUpTotal: status.catchUpTotal,
    lastUid: status.lastUid,
    lastError: status.lastError,
    lastErrorAt: status.lastErrorAt?.toISOString() ?? null,
    leaseRenewedAt: status.leaseRenewedAt?.toISOString() ?? null,
  };
}

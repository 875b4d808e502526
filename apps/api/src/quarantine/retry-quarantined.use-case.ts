import { Inject, Injectable } from '@nestjs/common';
import { Subjects } from '@casework/contracts';
import { QuarantineRepository } from '@casework/database';
import { UnitOfWork } from '@casework/messaging';
import { DomainError } from '@casework/domain';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';
import { isUuid } from '../common/uuid.util.js';

/**
 * Hands a quarantined message back to routing (after a fix or a bigger limit): its status
 * back to `received` and a fresh `mail.received` commit together. Routing parses it again;
 * if it fails again it is quarantined again, with the new reason. Mail of a queue the caller may
 * not read in full does not exist for them.
 */
@Injectable()
export class RetryQuarantinedUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(QuarantineRepository) private readonly quarantine: QuarantineRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
  ) {}

  async execute(caller: Caller, id: string): Promise<{ rawMessageId: string }> {
    if (!isUuid(id)) throw DomainError.quarantinedMessageNotFound(id);
    // Loaded before the transaction opens: the check inside it then costs no query.
    await this.access.scopeOf(caller);
    return this.unitOfWork.run(async (tx, emit) => {
      const locked = await this.quarantine.lockStatus(tx, id);
      if (!locked) throw DomainError.quarantinedMessageNotFound(id);
      await this.access.requireMessageContent(caller, { rawMessageId: id, queueId: locked.queueId }, () => DomainError.quarantinedMessageNotFound(id), { noteRead: false });
      if (locked.status !== 'quarantined') throw DomainError.messageNotQuarantined(id, locked.status);
      await this.quarantine.release(tx, id);
      await emit(Subjects.MailReceived, { rawMessageId: id, mailboxId: locked.mailboxId });
      return { rawMessageId: id };
    });
  }
}

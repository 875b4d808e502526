import { Inject, Injectable } from '@nestjs/common';
import { Subjects } from '@casework/contracts';
import { QuarantineRepository } from '@casework/database';
import { UnitOfWork } from '@casework/messaging';
import { DomainError } from '@casework/domain';
import { isUuid } from '../common/uuid.util.js';

/**
 * Hands a quarantined message back to routing (after a fix or a bigger limit): its status
 * back to `received` and a fresh `mail.received` commit together. Routing parses it again;
 * if it fails again it is quarantined again, with the new reason.
 */
@Injectable()
export class RetryQuarantinedUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(QuarantineRepository) private readonly quarantine: QuarantineRepository,
  ) {}

  async execute(id: string): Promise<{ rawMessageId: string }> {
    if (!isUuid(id)) throw DomainError.quarantinedMessageNotFound(id);
    return this.unitOfWork.run(async (tx, emit) => {
      const locked = await this.quarantine.lockStatus(tx, id);
      if (!locked) throw DomainError.quarantinedMessageNotFound(id);
      if (locked.status !== 'quarantined') throw DomainError.messageNotQuarantined(id, locked.status);
      await this.quarantine.release(tx, id);
      await emit(Subjects.MailReceived, { rawMessageId: id, mailboxId: locked.mailboxId });
      return { rawMessageId: id };
    });
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import { SecretBox, type ApiSettings } from '@casework/config';
import { CreateMailboxUseCase } from './create-mailbox.use-case.js';
import { DeleteMailboxUseCase } from './delete-mailbox.use-case.js';
import { GetMailboxStatusUseCase } from './get-mailbox-status.use-case.js';
import { GetMailboxUseCase } from './get-mailbox.use-case.js';
import { ListMailboxesUseCase } from './list-mailboxes.use-case.js';
import { MAILBOX_SECRETS } from './mailbox-secrets.js';
import { MailboxesController } from './mailboxes.controller.js';
import { UpdateMailboxUseCase } from './update-mailbox.use-case.js';

@Module({})
export class MailboxesModule {
  static register(config: Pick<ApiSettings, 'MAILBOX_SECRET_KEY'>): DynamicModule {
    return {
      module: MailboxesModule,
      controllers: [MailboxesController],
      providers: [
        { provide: MAILBOX_SECRETS, useValue: SecretBox.optional(config.MAILBOX_SECRET_KEY) },
        ListMailboxesUseCase,
        GetMailboxUseCase,
        CreateMailboxUseCase,
        UpdateMailboxUseCase,
        DeleteMailboxUseCase,
        GetMailboxStatusUseCase,
      ],
    };
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import { SecretBox, type ApiSettings } from '@casework/config';
import { CreateMailboxService } from './create-mailbox.service.js';
import { DeleteMailboxService } from './delete-mailbox.service.js';
import { GetMailboxStatusService } from './get-mailbox-status.service.js';
import { GetMailboxService } from './get-mailbox.service.js';
import { ListMailboxesService } from './list-mailboxes.service.js';
import { MAILBOX_SECRETS } from './mailbox-secrets.js';
import { MailboxesController } from './mailboxes.controller.js';
import { UpdateMailboxService } from './update-mailbox.service.js';

@Module({})
export class MailboxesModule {
  static register(config: Pick<ApiSettings, 'MAILBOX_SECRET_KEY'>): DynamicModule {
    return {
      module: MailboxesModule,
      controllers: [MailboxesController],
      providers: [
        { provide: MAILBOX_SECRETS, useValue: SecretBox.optional(config.MAILBOX_SECRET_KEY) },
        ListMailboxesService,
        GetMailboxService,
        CreateMailboxService,
        UpdateMailboxService,
        DeleteMailboxService,
        GetMailboxStatusService,
      ],
    };
  }
}

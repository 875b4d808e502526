import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { AddNoteUseCase } from './add-note.use-case.js';
import { ContactsUseCase } from './contacts.use-case.js';
import { DraftsService } from './drafts.service.js';
import { PeopleController } from './people.controller.js';
import { TagsUseCase } from './tags.use-case.js';
import { WorkspaceController } from './workspace.controller.js';

/** The specialists' working day on tickets: notes, assignment, tags, drafts, requesters. */
@Module({
  imports: [TicketsModule],
  controllers: [WorkspaceController, PeopleController],
  providers: [AddNoteUseCase, ContactsUseCase, DraftsService, TagsUseCase],
  exports: [ContactsUseCase],
})
export class WorkspaceModule {}

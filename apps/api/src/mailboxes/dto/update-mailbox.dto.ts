import { PartialType } from '@nestjs/swagger';
import { CreateMailboxDto } from './create-mailbox.dto.js';

/** Only the fields given change; `password` replaces the stored one. */
export class UpdateMailboxDto extends PartialType(CreateMailboxDto) {}

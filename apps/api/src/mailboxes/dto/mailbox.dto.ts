import { ApiProperty } from '@nestjs/swagger';

export class MailboxQueueDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'safety' })
  slug!: string;
}

/** A mailbox as the API shows it: never its password. */
export class MailboxDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'abuse@example.org' })
  address!: string;

  @ApiProperty({ example: 'imap.example.org' })
  imapHost!: string;

  @ApiProperty({ type: 'integer', example: 993 })
  imapPort!: number;

  @ApiProperty()
  imapTls!: boolean;

  @ApiProperty({ example: 'abuse@example.org' })
  imapUser!: string;

  @ApiProperty({ example: 'INBOX' })
  folder!: string;

  @ApiProperty({ type: () => MailboxQueueDto, nullable: true })
  queue!: MailboxQueueDto | null;

  @ApiProperty({ example: 'seen', description: 'none, seen or move:<folder>' })
  afterCommit!: string;

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ description: 'false: the bootstrap mailbox, whose password is the ingest environment\'s IMAP_PASSWORD' })
  passwordStored!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class MailboxListDto {
  @ApiProperty({ type: () => [MailboxDto], description: 'Oldest first; deleted mailboxes are not listed' })
  items!: MailboxDto[];
}

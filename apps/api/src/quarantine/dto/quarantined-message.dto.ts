import { ApiProperty } from '@nestjs/swagger';

export class QuarantinedMessageDto {
  @ApiProperty({ format: 'uuid', description: 'The raw message id' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  mailboxId!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The queue of the mailbox it came to; its access rule applies to this message' })
  queueId!: string | null;

  @ApiProperty({ example: 'parser timed out after 10000 ms', description: 'Why routing could not turn it into a ticket' })
  reason!: string;

  @ApiProperty({ type: String, nullable: true, example: 'abc@reporter.example', description: 'Message-ID as ingest read it, without angle brackets' })
  messageId!: string | null;

  @ApiProperty({ type: 'integer', example: 31457280, description: 'Raw size in bytes' })
  size!: number;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiProperty({ format: 'date-time' })
  quarantinedAt!: string;
}

export class QuarantinePageDto {
  @ApiProperty({ type: () => [QuarantinedMessageDto], description: 'Most recently quarantined first; never the raw bytes' })
  items!: QuarantinedMessageDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page; null on the last page' })
  nextCursor!: string | null;
}

export class RetryAcceptedDto {
  @ApiProperty({ format: 'uuid', description: 'The raw message handed back to routing' })
  rawMessageId!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import type { MailboxState } from '@casework/database';

const STATES: MailboxState[] = ['idle', 'catching-up', 'connecting', 'error', 'unheld', 'disabled'];

export class MailboxStatusDto {
  @ApiProperty({ enum: STATES, description: 'unheld: no ingest replica holds the mailbox right now; disabled: enabled is false' })
  state!: MailboxState;

  @ApiProperty({ type: String, nullable: true, example: 'ingest-7f9c:1:a1b2c3', description: 'The ingest replica holding the mailbox (host:pid:tag)' })
  holder!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Messages in the folder above the cursor not stored yet (null when unknown)' })
  lagMessages!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Messages the current (or last) catch-up found' })
  catchUpTotal!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'UID of the newest stored message' })
  lastUid!: number | null;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastErrorAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "The holder's last heartbeat" })
  leaseRenewedAt!: string | null;
}

import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

/** How many articles one split may name; a bigger case is split in steps. */
export const MAX_SPLIT_ARTICLES = 500;

export class MergeTicketDto {
  @ApiProperty({ format: 'uuid', description: 'The ticket that receives the articles, notes, attachments and tags' })
  @IsUUID()
  intoTicketId!: string;
}

export class SplitTicketDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_SPLIT_ARTICLES, description: "Articles of this ticket (inbound, outbound or notes) for the new ticket; not all of them" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SPLIT_ARTICLES)
  @IsUUID('all', { each: true })
  articleIds!: string[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsBoolean, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { IfPresent } from '../../common/if-present.js';

const WHEN_DESCRIPTION =
  'A condition: { field, op, value, caseSensitive? } with field one of from, to, cc, subject, body, header:<Name>, language, attachmentType, ' +
  'senderDomain, triageCategory and op one of equals, contains, inList (value: a list), regex (RE2 syntax); or { all: [...] }, { any: [...] }, { not: {...} }. ' +
  'Case is ignored unless caseSensitive. A field with several values (to, cc, attachment types) matches when any does.';
const THEN_DESCRIPTION =
  'Actions, applied in order: { type: "setQueue", queueSlug | queueId }, { type: "setPriority", priority }, { type: "addTags", tags }, ' +
  '{ type: "assign", userId }, { type: "suppressAcknowledgement" }, { type: "markSpam" }, { type: "stop" } (no later rule is evaluated).';

const EXAMPLE_WHEN = { any: [{ field: 'subject', op: 'regex', value: '\\b(subpoena|court order)\\b' }, { field: 'senderDomain', op: 'inList', value: ['police.example'] }] };
const EXAMPLE_THEN = [{ type: 'setQueue', queueSlug: 'legal' }, { type: 'setPriority', priority: 'high' }, { type: 'stop' }];

/** A rule as written; `when` and `then` are checked by the domain's validateRule (400 names the paths, e.g. when.any.0.value). */
export class RuleInputDto {
  @ApiProperty({ example: 'Legal requests to legal' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1_000_000, description: 'Rules run by ascending position (ties by id). Omitted: after the last rule (POST), unchanged (PUT)' })
  @IfPresent()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;

  @ApiPropertyOptional({ default: true, description: 'A disabled rule is kept but never evaluated' })
  @IfPresent()
  @IsBoolean()
  enabled?: boolean;

  @ApiProperty({ type: 'object', additionalProperties: true, description: WHEN_DESCRIPTION, example: EXAMPLE_WHEN })
  @Allow()
  when!: unknown;

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: THEN_DESCRIPTION, example: EXAMPLE_THEN })
  @Allow()
  then!: unknown;
}

export class RuleDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  position!: number;

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ type: 'object', additionalProperties: true, description: WHEN_DESCRIPTION, example: EXAMPLE_WHEN })
  when!: object;

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: THEN_DESCRIPTION, example: EXAMPLE_THEN })
  then!: object[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Who created it' })
  createdBy!: string | null;
}

export class RuleListDto {
  @ApiProperty({ type: () => [RuleDto], description: 'In evaluation order' })
  items!: RuleDto[];
}

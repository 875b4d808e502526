import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, IsUUID, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { TICKET_PRIORITIES } from '@casework/domain';
import { RuleInputDto } from './rule.dto.js';

/** Most candidate rules one dry-run takes. */
export const MAX_CANDIDATE_RULES = 500;
const present = (_dto: object, value: unknown) => value !== undefined;

/** A rule of a candidate set: as written, with an id of the caller's choosing to recognise it in the answer. */
export class CandidateRuleDto extends RuleInputDto {
  @ApiPropertyOptional({ example: 'draft-1', description: 'Default: candidate-<index>' })
  @ValidateIf(present)
  @IsString()
  @MaxLength(128)
  id?: string;
}

/** Exactly one of rawMessageId and mime. */
export class DryRunRequestDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A stored raw message (its queue’s ticket rule applies: a message the caller may not read is unknown)' })
  @ValidateIf(present)
  @IsUUID('all', { message: 'rawMessageId must be a raw message id' })
  rawMessageId?: string;

  @ApiPropertyOptional({ description: 'A message as RFC 5322 text (headers, blank line, body)', example: 'From: rita@example.org\r\nTo: safety@example.org\r\nSubject: Threat\r\n\r\nHello' })
  @ValidateIf(present)
  @IsString()
  @MaxLength(1_000_000)
  mime?: string;

  @ApiPropertyOptional({ type: () => [CandidateRuleDto], maxItems: MAX_CANDIDATE_RULES, description: 'A candidate rule set to try instead of the stored enabled rules' })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(MAX_CANDIDATE_RULES)
  @ValidateNested({ each: true })
  @Type(() => CandidateRuleDto)
  rules?: CandidateRuleDto[];

  @ApiPropertyOptional({ example: 'es', description: 'A language to evaluate with instead of the one detected (ISO 639-1). Default: detected as routing does' })
  @ValidateIf(present)
  @Matches(/^[a-z]{2}$/, { message: 'language must be an ISO 639-1 code (two lower-case letters)' })
  language?: string;

  @ApiPropertyOptional({ type: [String], example: ['threat'], description: 'Triage categories to evaluate with instead of those triage finds. Default: triage runs as in routing' })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(16)
  @Matches(/^[a-z][a-z_]{0,31}$/, { each: true, message: 'each triage category is a lower-case name such as threat or self_harm' })
  triageCategories?: string[];
}

export class DryRunMailDto {
  @ApiProperty({ nullable: true, type: String })
  from!: string | null;

  @ApiProperty({ type: [String] })
  to!: string[];

  @ApiProperty({ type: [String] })
  cc!: string[];

  @ApiProperty()
  subject!: string;

  @ApiProperty({ nullable: true, type: String })
  language!: string | null;

  @ApiProperty({ type: [String] })
  attachmentTypes!: string[];

  @ApiProperty({ type: [String] })
  triageCategories!: string[];
}

export class DryRunMatchDto {
  @ApiProperty()
  ruleId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  actions!: object[];
}

export class DryRunQueueDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  slug!: string;

  @ApiProperty()
  name!: string;
}

export class DryRunOutcomeDto {
  @ApiProperty({ type: () => DryRunQueueDto, nullable: true, description: 'The queue a rule moves the mail to; null: the queue chosen by address stays' })
  queue!: DryRunQueueDto | null;

  @ApiProperty({ enum: TICKET_PRIORITIES, nullable: true, type: String })
  priority!: string | null;

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  assigneeId!: string | null;

  @ApiProperty()
  suppressAcknowledgement!: boolean;

  @ApiProperty()
  spam!: boolean;

  @ApiProperty({ nullable: true, type: String, description: 'The rule whose stop ended the evaluation' })
  stoppedAt!: string | null;
}

export class DryRunSkippedDto {
  @ApiProperty()
  ruleId!: string;

  @ApiProperty()
  reason!: string;
}

export class DryRunResultDto {
  @ApiProperty({ enum: ['stored', 'candidate'], description: 'stored: the enabled rules the router uses now' })
  ruleSet!: 'stored' | 'candidate';

  @ApiProperty({ description: 'Enabled rules in the set' })
  enabledRules!: number;

  @ApiProperty({ type: () => DryRunMailDto, description: 'What the rules saw of the mail (never its body)' })
  mail!: DryRunMailDto;

  @ApiProperty({ type: () => [DryRunMatchDto], description: 'Matched rules in evaluation order' })
  matched!: DryRunMatchDto[];

  @ApiProperty({ type: () => DryRunOutcomeDto })
  outcome!: DryRunOutcomeDto;

  @ApiProperty({ type: () => [DryRunSkippedDto], description: 'Stored rules that could not be evaluated' })
  skipped!: DryRunSkippedDto[];
}

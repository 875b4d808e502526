import { Module } from '@nestjs/common';
import { CreateRuleUseCase } from './create-rule.use-case.js';
import { DeleteRuleUseCase } from './delete-rule.use-case.js';
import { DryRunMailParser } from './dry-run-mail-parser.js';
import { DryRunRulesUseCase } from './dry-run-rules.use-case.js';
import { ListRulesUseCase } from './list-rules.use-case.js';
import { ReplaceRuleUseCase } from './replace-rule.use-case.js';
import { RuleInputChecker } from './rule-input-checker.js';
import { RulesController } from './rules.controller.js';

@Module({
  controllers: [RulesController],
  providers: [ListRulesUseCase, CreateRuleUseCase, ReplaceRuleUseCase, DeleteRuleUseCase, DryRunRulesUseCase, RuleInputChecker, DryRunMailParser],
})
export class RulesModule {}

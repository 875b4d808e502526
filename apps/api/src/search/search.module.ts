import { Module } from '@nestjs/common';
import { SearchController } from './search.controller.js';
import { SearchTicketsUseCase } from './search-tickets.use-case.js';

@Module({
  controllers: [SearchController],
  providers: [SearchTicketsUseCase],
})
export class SearchModule {}

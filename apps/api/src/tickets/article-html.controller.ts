import { Controller, Get, Header, Inject, Param } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../auth/caller.js';
import { ErrorResponseDto } from '../common/error-response.dto.js';
import { ArticleHtmlDto } from './dto/ticket-detail.dto.js';
import { GetArticleHtmlUseCase } from './get-article-html.use-case.js';

@ApiTags('tickets')
@Controller('tickets')
export class ArticleHtmlController {
  constructor(@Inject(GetArticleHtmlUseCase) private readonly getHtml: GetArticleHtmlUseCase) {}

  @Get(':ticketId/articles/:articleId/html')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "One article's sanitized HTML with its remote images shown (a reader's \"show images\"); never in a restricted queue" })
  @ApiParam({ name: 'ticketId', format: 'uuid' })
  @ApiParam({ name: 'articleId', format: 'uuid' })
  @ApiOkResponse({ type: ArticleHtmlDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'A restricted queue, or a mail with a blocked attachment: no image is ever shown' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such article with HTML on this ticket (ArticleNotFound), or the ticket is hidden' })
  async html(@CurrentCaller() caller: Caller, @Param('ticketId') ticketId: string, @Param('articleId') articleId: string): Promise<ArticleHtmlDto> {
    return this.getHtml.execute(caller, ticketId, articleId);
  }
}

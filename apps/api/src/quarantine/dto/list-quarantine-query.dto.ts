import { PageQueryDto } from '../../common/page-query.dto.js';

export class ListQuarantineQueryDto extends PageQueryDto {}

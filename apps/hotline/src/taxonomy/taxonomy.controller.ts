import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TaxonomyDocument, defaultTaxonomy } from '@hotline/taxonomy';
import { Public } from '../auth/access.decorators';
import { TaxonomyView } from './dto/taxonomy.dto';

@ApiTags('taxonomy')
@Controller('api/taxonomy')
export class TaxonomyController {
  /** Public: the booking page lists topics before anyone signs in; it holds no personal data. */
  @Get()
  @Public()
  @ApiOperation({
    summary:
      'The topic tree for menus, contact records and statistics (zh-CN and en labels, CHI mapping)',
  })
  @ApiOkResponse({ type: TaxonomyView })
  taxonomy(): TaxonomyDocument {
    return defaultTaxonomy().document;
  }
}

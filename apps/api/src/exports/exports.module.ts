import { Module, type DynamicModule } from '@nestjs/common';
import { ExportSigner, type ApiSettings } from '@casework/config';
import { CreateExportUseCase } from './create-export.use-case.js';
import { DownloadExportUseCase } from './download-export.use-case.js';
import { EXPORT_SIGNER } from './export-signer.token.js';
import { ExportsController } from './exports.controller.js';

/** Case export (issue 15, part 2): POST /tickets/:id/exports, GET /exports/:id, GET /exports/public-key. */
@Module({})
export class ExportsModule {
  static register(config: Pick<ApiSettings, 'EXPORT_SIGNING_KEY'>): DynamicModule {
    return {
      module: ExportsModule,
      controllers: [ExportsController],
      providers: [{ provide: EXPORT_SIGNER, useValue: ExportSigner.optional(config.EXPORT_SIGNING_KEY) }, CreateExportUseCase, DownloadExportUseCase],
    };
  }
}

import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { CategoryModelsService } from './category-models.service';
import { TrainingDataService } from './training-data.service';

@ApiTags('categorization')
@Controller('api/categorization')
export class CategorizationController {
  constructor(
    private readonly trainingData: TrainingDataService,
    private readonly models: CategoryModelsService,
  ) {}

  @Post('examples')
  @Auth('admin')
  @ApiConsumes('text/csv')
  @ApiOperation({
    summary: "Import labelled examples (CSV with a header holding `text` and `label`; labels are taxonomy ids or 'other'). They join agent-confirmed tickets as training data",
  })
  @ApiCreatedResponse({ description: '{ importId, received, imported, duplicates, byLabel }; re-imported rows are counted as duplicates' })
  @ApiUnprocessableEntityResponse({ description: 'Not a CSV, a missing column, or invalid rows (each named with its row number); nothing imported' })
  @ApiPayloadTooLargeResponse({ description: 'Larger than IMPORT_MAX_BYTES' })
  importExamples(@Body() csv: unknown, @CurrentPrincipal() principal: Principal) {
    return this.trainingData.importCsv(csv, principal);
  }

  @Get('training-data')
  @Auth('manager', 'admin')
  @ApiOperation({ summary: 'Training rows per category: agent-confirmed tickets and imported examples' })
  @ApiOkResponse({ description: '[{ label, tickets, imported }]' })
  trainingDataSummary() {
    return this.trainingData.summary();
  }

  @Get('models')
  @Auth('manager', 'admin')
  @ApiOperation({ summary: "The categorizer's trained versions with their hold-out accuracy; activeVersion 0 is the taxonomy's few-shot model" })
  @ApiOkResponse({ description: '{ activeVersion, models: [...] }' })
  listModels() {
    return this.models.list();
  }

  @Post('models/train')
  @Auth('admin')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Retrain now (the workers also retrain on a schedule when there is new data); the new version is activated and swapped into every worker' })
  @ApiAcceptedResponse({ description: '{ jobId, location }: poll location for the outcome' })
  @ApiServiceUnavailableResponse({ description: 'Redis is unreachable' })
  train(@CurrentPrincipal() principal: Principal) {
    return this.models.train(principal);
  }

  @Get('training-jobs/:jobId')
  @Auth('admin')
  @ApiOperation({ summary: 'State and outcome of a training job (the new version and its metrics, or why it was skipped)' })
  @ApiNotFoundResponse({ description: 'No such training job' })
  trainingJob(@Param('jobId') jobId: string) {
    return this.models.trainingJob(jobId);
  }

  @Put('models/:version/activate')
  @Auth('admin')
  @ApiOperation({ summary: "Make a version the active one (a rollback); 0 goes back to the taxonomy's few-shot model" })
  @ApiOkResponse({ description: '{ activeVersion }' })
  @ApiNotFoundResponse({ description: 'No such version' })
  activate(@Param('version', ParseIntPipe) version: number, @CurrentPrincipal() principal: Principal) {
    return this.models.activate(version, principal);
  }
}

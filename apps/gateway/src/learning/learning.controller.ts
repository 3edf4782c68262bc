import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Type } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
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
import type { ModelTask } from '@smartdesk/contracts';
import { Auth, CurrentPrincipal } from '../auth/auth.decorators';
import { ParseIntColumnPipe } from '../common/int-column';
import type { Principal } from '../auth/principal';
import { TASK_API } from './task-labels';
import { TrainedModelsService } from './trained-models.service';
import { TrainingDataService } from './training-data.service';

export interface LearningDocs {
  /** What a label is, e.g. "taxonomy ids or 'other'". */
  labels: string;
  /** What version 0 is, e.g. "the taxonomy's few-shot model". */
  untrained: string;
  /** Where else training rows come from, e.g. "agent-confirmed tickets". */
  confirmed: string;
}

/**
 * The same endpoints for every learned model, under /api/<task's path>: import labelled examples, see the
 * training data and versions, retrain, roll back. One class per task, so Swagger documents each on its own.
 */
export function learningController(task: ModelTask, docs: LearningDocs): Type<unknown> {
  @ApiTags(TASK_API[task])
  @Controller(`api/${TASK_API[task]}`)
  class LearningController {
    constructor(
      readonly trainingData: TrainingDataService,
      readonly models: TrainedModelsService,
    ) {}

    @Post('examples')
    @Auth('admin')
    @ApiConsumes('text/csv')
    @ApiBody({ schema: { type: 'string', example: 'text,label\n"My parcel never arrived",shipping' } })
    @ApiOperation({ summary: `Import labelled examples (CSV with a header holding \`text\` and \`label\`; labels are ${docs.labels}). They join ${docs.confirmed} as training data` })
    @ApiCreatedResponse({ description: '{ importId, received, imported, duplicates, byLabel }; re-imported rows are counted as duplicates' })
    @ApiUnprocessableEntityResponse({ description: 'Not a CSV, a missing column, or invalid rows (each named with its row number); nothing imported' })
    @ApiPayloadTooLargeResponse({ description: 'Larger than IMPORT_MAX_BYTES' })
    importExamples(@Body() csv: unknown, @CurrentPrincipal() principal: Principal) {
      return this.trainingData.importCsv(task, csv, principal);
    }

    @Get('training-data')
    @Auth('manager', 'admin')
    @ApiOperation({ summary: `Training rows per label: ${docs.confirmed} and imported examples` })
    @ApiOkResponse({ description: '[{ label, tickets, imported }]' })
    trainingDataSummary() {
      return this.trainingData.summary(task);
    }

    @Get('models')
    @Auth('manager', 'admin')
    @ApiOperation({ summary: `Trained versions with their hold-out metrics; activeVersion 0 is ${docs.untrained}` })
    @ApiOkResponse({ description: '{ activeVersion, models: [...] }' })
    listModels() {
      return this.models.list(task);
    }

    @Post('models/train')
    @Auth('admin')
    @HttpCode(HttpStatus.ACCEPTED)
    @ApiOperation({ summary: 'Retrain now (the workers also retrain on a schedule when there is new data); the new version is activated and swapped into every worker' })
    @ApiAcceptedResponse({ description: '{ jobId, location }: poll location for the outcome' })
    @ApiServiceUnavailableResponse({ description: 'Redis is unreachable' })
    train(@CurrentPrincipal() principal: Principal) {
      return this.models.train(task, principal);
    }

    @Get('training-jobs/:jobId')
    @Auth('admin')
    @ApiOperation({ summary: 'State and outcome of a training job (the new version and its metrics, or why it was skipped)' })
    @ApiNotFoundResponse({ description: 'No such training job' })
    trainingJob(@Param('jobId') jobId: string) {
      return this.models.trainingJob(task, jobId);
    }

    @Put('models/:version/activate')
    @Auth('admin')
    @ApiOperation({ summary: `Make a version the active one (a rollback); 0 goes back to ${docs.untrained}` })
    @ApiOkResponse({ description: '{ activeVersion }' })
    @ApiNotFoundResponse({ description: 'No such version' })
    activate(@Param('version', new ParseIntColumnPipe()) version: number, @CurrentPrincipal() principal: Principal) {
      return this.models.activate(task, version, principal);
    }
  }
  // Distinct names keep Nest's and Swagger's registries apart.
  Object.defineProperty(LearningController, 'name', { value: `${TASK_API[task][0].toUpperCase()}${TASK_API[task].slice(1)}Controller` });
  return LearningController;
}

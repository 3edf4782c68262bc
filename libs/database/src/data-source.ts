import 'reflect-metadata';
import { config as loadDotenv } from 'dotenv';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '@smartdesk/config';
import { dataSourceOptions } from './data-source-options';

loadDotenv({ quiet: true });

/** For the TypeORM CLI: `typeorm migration:run -d dist/libs/database/src/data-source.js`. */
export default new DataSource(dataSourceOptions(loadEnvironment().DATABASE_URL));

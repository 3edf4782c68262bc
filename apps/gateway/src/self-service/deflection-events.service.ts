import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DeflectionEventDto } from './dto/deflection-event.dto';

/** Records what portal visits do with suggestions; repeating an event is a no-op, so a visit counts once. */
@Injectable()
export class DeflectionEventsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(dto: DeflectionEventDto): Promise<{ recorded: boolean }> {
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO self_service_events (visit_id, type, article_id, language) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING id`,
      [dto.visitId, dto.type, dto.type === 'article-opened' ? (dto.articleId ?? null) : null, dto.language ?? null],
    );
    return { recorded: inserted.length > 0 };
  }
}

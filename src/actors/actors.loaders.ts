import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { alignById, type RequestLoaders } from '../common/loaders/request-loaders.js';
import { Outlet } from './outlet.entity.js';
import { Speaker } from './speaker.entity.js';

@Injectable()
export class ActorsLoaders {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  speakerById(loaders: RequestLoaders) {
    return loaders.get<number, Speaker | null>('speakerById', async (ids) =>
      alignById(ids, await this.dataSource.manager.findBy(Speaker, { id: In([...ids]) })),
    );
  }

  outletById(loaders: RequestLoaders) {
    return loaders.get<number, Outlet | null>('outletById', async (ids) =>
      alignById(ids, await this.dataSource.manager.findBy(Outlet, { id: In([...ids]) })),
    );
  }
}

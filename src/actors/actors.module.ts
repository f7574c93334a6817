import { Module } from '@nestjs/common';
import { TotalCountResolver } from '../common/pagination/total-count.resolver.js';
import { ActorsLoaders } from './actors.loaders.js';
import { ActorsResolver } from './actors.resolver.js';
import { ActorsService } from './actors.service.js';
import { OutletConnection } from './outlet.model.js';
import { SpeakerConnection } from './speaker.model.js';

@Module({
  providers: [
    ActorsService,
    ActorsLoaders,
    ActorsResolver,
    TotalCountResolver(SpeakerConnection),
    TotalCountResolver(OutletConnection),
  ],
  exports: [ActorsService, ActorsLoaders],
})
export class ActorsModule {}

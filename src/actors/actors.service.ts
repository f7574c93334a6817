import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type EntityTarget } from 'typeorm';
import type { Connection } from '../common/pagination/connection.model.js';
import { keysetPaginate } from '../common/pagination/keyset-paginate.js';
import { containsPattern, LIKE_ESCAPE } from '../common/sql/contains-pattern.js';
import { SpeakerKind, OutletKind } from './actor-kinds.js';
import { outletNotFound, speakerNotFound } from './actor.errors.js';
import type { ActorSearchArgs } from './dto/actors.args.js';
import { normalizeName } from './normalize-name.js';
import { Outlet } from './outlet.entity.js';
import { Speaker } from './speaker.entity.js';

type Actor = Speaker | Outlet;
type NewActor<T extends Actor> = Omit<T, 'id' | 'normalizedName' | 'createdAt'>;

export interface SpeakerDescription {
  name: string;
  kind?: SpeakerKind | null;
  affiliation?: string | null;
}

export interface OutletDescription {
  name: string;
  kind?: OutletKind | null;
  url?: string | null;
}

/** Speakers and outlets: found by normalised name, created on first mention. */
@Injectable()
export class ActorsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inside a transaction pass its manager: another pool connection could deadlock the pool. */
  async getSpeaker(id: number, manager = this.dataSource.manager): Promise<Speaker> {
    const speaker = await manager.findOneBy(Speaker, { id });
    if (!speaker) throw speakerNotFound(id);
    return speaker;
  }

  async getOutlet(id: number): Promise<Outlet> {
    const outlet = await this.dataSource.manager.findOneBy(Outlet, { id });
    if (!outlet) throw outletNotFound(id);
    return outlet;
  }

  listSpeakers(args: ActorSearchArgs): Promise<Connection<Speaker>> {
    return this.list(Speaker, args);
  }

  listOutlets(args: ActorSearchArgs): Promise<Connection<Outlet>> {
    return this.list(Outlet, args);
  }

  findOrCreateSpeaker(manager: EntityManager, speaker: SpeakerDescription): Promise<Speaker> {
    return this.findOrCreate(manager, Speaker, {
      name: speaker.name.trim(),
      kind: speaker.kind ?? SpeakerKind.PERSON,
      affiliation: speaker.affiliation ?? null,
    });
  }

  findOrCreateOutlet(manager: EntityManager, outlet: OutletDescription): Promise<Outlet> {
    return this.findOrCreate(manager, Outlet, {
      name: outlet.name.trim(),
      kind: outlet.kind ?? OutletKind.OTHER,
      url: outlet.url ?? null,
    });
  }

  /** The outlets of a `reportedBy` chain, in the order given. */
  async findOrCreateOutlets(manager: EntityManager, names: readonly string[]): Promise<Outlet[]> {
    const outlets: Outlet[] = [];
    for (const name of names) outlets.push(await this.findOrCreateOutlet(manager, { name }));
    return outlets;
  }

  /**
   * A read, and for a name not known yet INSERT … ON CONFLICT DO NOTHING (INSERT OR IGNORE on
   * SQLite) then a read: two requests that name the same new speaker at once both end with the
   * one row, neither fails. Reading first spares known names (most, in ingestion) the insert.
   */
  private async findOrCreate<T extends Actor>(
    manager: EntityManager,
    target: EntityTarget<T>,
    values: NewActor<T>,
  ): Promise<T> {
    const normalizedName = normalizeName(values.name);
    const known = await manager.findOneBy(target, { normalizedName } as never);
    if (known) return known;
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values({ ...values, normalizedName, createdAt: new Date() } as never)
      .orIgnore()
      .updateEntity(false)
      .execute();
    return manager.findOneByOrFail(target, { normalizedName } as never);
  }

  private list<T extends Actor>(target: EntityTarget<T>, args: ActorSearchArgs) {
    const query = this.dataSource.manager.createQueryBuilder(target, 'actor');
    if (args.search) {
      query.where(`actor.normalizedName LIKE :pattern ${LIKE_ESCAPE}`, {
        pattern: containsPattern(normalizeName(args.search)),
      });
    }
    return keysetPaginate(
      query,
      { property: 'normalizedName' as keyof T & string, direction: 'ASC', kind: 'scalar' },
      args,
    );
  }
}

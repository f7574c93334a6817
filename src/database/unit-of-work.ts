import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type EntityManager } from 'typeorm';
import { throwIfRequestTimedOut } from '../common/http/request-timeout.js';

interface ActiveUnit {
  manager: EntityManager;
  afterCommit: (() => void)[];
}

/**
 * Runs a piece of work in one transaction; work started inside another unit joins it, so a
 * seeder or an importer can make many service calls all-or-nothing. `afterCommit` defers side
 * effects (events to subscribers) until the outermost transaction has committed.
 *
 * better-sqlite3 gives TypeORM a single connection, on which two overlapping transactions fail,
 * so on SQLite the transactions of this process queue up behind each other; PostgreSQL runs
 * them side by side from its pool.
 */
@Injectable()
export class UnitOfWork {
  private readonly active = new AsyncLocalStorage<ActiveUnit>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly serialise: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serialise = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const outer = this.active.getStore();
    // A callback that outlived its unit (its transaction ended) must not write without one.
    if (outer?.manager.queryRunner?.isTransactionActive) return work(outer.manager);
    const afterCommit: (() => void)[] = [];
    const transaction = async () => {
      throwIfRequestTimedOut();
      const result = await this.dataSource.transaction(async (manager) => {
        const done = await this.active.run({ manager, afterCommit }, () => work(manager));
        // A request answered 503 TIMEOUT meanwhile must not change anything after all.
        throwIfRequestTimedOut();
        return done;
      });
      for (const effect of afterCommit) effect();
      return result;
    };
    if (!this.serialise) return transaction();
    const result = this.queue.then(transaction);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Runs `effect` once the current unit's transaction has committed; never if it rolls back. */
  afterCommit(effect: () => void): void {
    const unit = this.active.getStore();
    if (!unit) throw new Error('afterCommit called outside a unit of work');
    unit.afterCommit.push(effect);
  }
}

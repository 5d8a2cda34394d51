import {
  CompiledQuery,
  PostgresDriver,
  type PostgresDialectConfig,
  type DatabaseConnection,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import type postgres from "postgres";

// Kysely over postgres.js without reserving a connection for every query. kysely-postgres-js
// 3.0.0 calls `sql.reserve()` for each query, which takes a pooled connection out of the pool
// (and queues behind the others when all ten are out) just to run one statement; an autosave's
// single UPDATE then paid for a reservation and a release around it. Here a plain query runs on
// the pool as postgres.js intends, and only a transaction reserves the connection it needs to
// own from BEGIN to COMMIT. Savepoints, commit and rollback are Kysely's own PostgreSQL ones.

class PooledConnection implements DatabaseConnection {
  reserved: postgres.ReservedSql | null = null;
  constructor(private readonly client: postgres.Sql) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await (this.reserved ?? this.client).unsafe(query.sql, [
      ...query.parameters,
    ] as postgres.ParameterOrJSON<never>[]);
    const { command, count } = result;
    return {
      numAffectedRows: ["INSERT", "UPDATE", "DELETE", "MERGE"].includes(command) ? BigInt(count) : undefined,
      rows: Array.from(result.values()) as R[],
    };
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize = 1_000): AsyncIterableIterator<QueryResult<R>> {
    const cursor = (this.reserved ?? this.client)
      .unsafe(query.sql, [...query.parameters] as postgres.ParameterOrJSON<never>[])
      .cursor(chunkSize);
    for await (const rows of cursor) yield { rows: rows as unknown as R[] };
  }
}

export class PooledPostgresDriver extends PostgresDriver {
  constructor(private readonly client: postgres.Sql) {
    super({} as PostgresDialectConfig); // no pg Pool: every method that would use it is overridden
  }
  override async init(): Promise<void> {}
  override async acquireConnection(): Promise<DatabaseConnection> {
    return new PooledConnection(this.client);
  }
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    (connection as PooledConnection).reserved = await this.client.reserve();
    await super.beginTransaction(connection, settings);
  }
  override async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const pooled = connection as PooledConnection;
    pooled.reserved?.release();
    pooled.reserved = null;
  }
  override async destroy(): Promise<void> {
    await this.client.end();
  }
}

import type { CompiledQuery, DatabaseConnection, Driver, QueryResult, TransactionSettings } from "kysely";
import { PostgresJSDialect } from "kysely-postgres-js";
import type postgres from "postgres";
import { PooledPostgresDriver } from "./postgres-driver";
import { DATABASE_SLOW_MESSAGE, unavailable } from "./unavailable";

// PostgreSQL lost while the app runs (a restart, a failover) must give "temporarily unavailable"
// and heal by itself. Two things stand in the way (docs/decisions/004-database-outage-503.md):
// - Remix v2 maps only a thrown Response to a status, so a lost connection is thrown as a 503
//   Response; the root ErrorBoundary shows it as "Temporarily unavailable", fetches get a 503.
// - postgres.js 3.4.9 does not recover from its backends being killed: measured here, its pool
//   then hangs every query, and a dying reserved connection can throw from a timer
//   (porsager/postgres#1208). So on the first connection-class error the whole client is thrown
//   away and the next query opens a fresh one.

// SQLSTATE class 08 (connection exception), 57P01-03 (shutdown, crash, cannot connect now),
// 55000 "not currently accepting connections", and postgres.js/socket failures.
const CONNECTION_LOSS = /^(08|57P0[123]|CONNECTION_|CONNECT_TIMEOUT|ECONN|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND)/;

export function isConnectionLoss(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    CONNECTION_LOSS.test(String(code ?? "")) ||
    (code === "55000" && /not currently accepting connections/.test(String(message)))
  );
}

// statement_timeout fired: the query was cancelled by PostgreSQL, the connection is fine.
const STATEMENT_TIMEOUT = "57014";

type Pool = { client: postgres.Sql; driver: Driver };

class RecoveringDriver implements Driver {
  #pool: Pool | null;
  #owner = new WeakMap<DatabaseConnection, Driver>();
  #down = false;

  constructor(
    first: postgres.Sql,
    private readonly connect: () => postgres.Sql,
    private readonly deadlineMs: number,
  ) {
    this.#pool = this.#wrap(first);
  }

  #wrap(client: postgres.Sql): Pool {
    return { client, driver: new PooledPostgresDriver(client) };
  }

  async #current(): Promise<Pool> {
    if (this.#pool) return this.#pool;
    const pool = this.#wrap(this.connect());
    await pool.driver.init();
    this.#pool = pool;
    return pool;
  }

  #lost(pool: Pool, error: unknown): Response {
    if (!this.#down)
      console.warn(`panel: database unreachable, answering 503 until it is back (${(error as Error).message})`);
    this.#down = true;
    if (this.#pool === pool) {
      this.#pool = null;
      pool.client.end({ timeout: 0 }).catch(() => {});
    }
    return unavailable();
  }

  async init(): Promise<void> {
    await this.#pool?.driver.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const pool = await this.#current();
    // Acquiring is free (a query runs on the pool); a connection that cannot be made fails the query.
    const connection = await pool.driver.acquireConnection().catch((error: unknown) => {
      throw this.#lost(pool, error);
    });
    const execute = connection.executeQuery.bind(connection) as DatabaseConnection["executeQuery"];
    connection.executeQuery = async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
      // PostgreSQL's statement_timeout cancels a slow query; this deadline catches the case it
      // cannot: a connection that silently stopped answering (dropped packets, a dead peer).
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(Object.assign(new Error(`no answer within ${this.deadlineMs} ms`), { code: "ETIMEDOUT" })),
          this.deadlineMs,
        );
      });
      try {
        const result = await Promise.race([execute<R>(query), deadline]);
        if (this.#down) console.log("panel: database reachable again");
        this.#down = false;
        return result;
      } catch (error) {
        if ((error as { code?: string }).code === STATEMENT_TIMEOUT) throw unavailable(DATABASE_SLOW_MESSAGE);
        throw isConnectionLoss(error) ? this.#lost(pool, error) : error;
      } finally {
        clearTimeout(timer);
      }
    };
    this.#owner.set(connection, pool.driver);
    return connection;
  }

  #driverOf(connection: DatabaseConnection): Driver {
    return this.#owner.get(connection)!;
  }
  // Reserving a connection for a transaction fails only when no connection can be made at all.
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const pool = this.#pool;
    try {
      return await this.#driverOf(connection).beginTransaction(connection, settings);
    } catch (error) {
      throw pool && isConnectionLoss(error) ? this.#lost(pool, error) : error;
    }
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.#driverOf(connection).commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.#driverOf(connection).rollbackTransaction(connection);
  }
  releaseConnection(connection: DatabaseConnection) {
    return this.#driverOf(connection).releaseConnection(connection);
  }
  async destroy(): Promise<void> {
    await this.#pool?.client.end({ timeout: 5 });
    this.#pool = null;
  }
}

// `first` is the client already checked at start-up; `connect` makes a new one after an outage.
// `deadlineMs`: how long any one query may go unanswered before the client is thrown away.
export class RecoveringPostgresDialect extends PostgresJSDialect {
  constructor(
    private readonly first: postgres.Sql,
    private readonly connect: () => postgres.Sql,
    private readonly deadlineMs: number,
  ) {
    super({ postgres: first });
  }
  override createDriver(): Driver {
    return new RecoveringDriver(this.first, this.connect, this.deadlineMs);
  }
}

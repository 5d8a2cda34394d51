import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import type { PGlite } from "@electric-sql/pglite";
import { AsyncLocalStorage } from "node:async_hooks";
import { Kysely as KyselyClass, TransactionBuilder } from "kysely";
import { DATABASE_SLOW_MESSAGE, unavailable } from "./unavailable";

// Marks the code running inside a transaction's callback. A query that reaches the driver from
// there did not go through the transaction (a getDb() inside transaction()): on one connection it
// would wait for its own transaction forever, so it fails at once, naming the mistake.
type TransactionScope = { begun: boolean };
const transactionScope = new AsyncLocalStorage<TransactionScope>();

export const NESTED_QUERY_MESSAGE =
  "A query ran on the database (getDb()) inside an open transaction instead of on the transaction " +
  "itself. PGlite has one connection, so it would wait for that transaction forever: pass the " +
  "transaction (trx) down to the query.";

function guarded<B extends object>(builder: B): B {
  return new Proxy(builder, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      if (property === "execute") {
        return (callback: unknown) => transactionScope.run({ begun: false }, () => value.call(target, callback));
      }
      return (...args: unknown[]) => {
        const result = value.apply(target, args) as unknown;
        return result instanceof TransactionBuilder ? guarded(result) : result;
      };
    },
  });
}

// Kysely for PGlite: every transaction() runs its callback inside a scope the driver can see.
export class PGliteKysely<DB> extends KyselyClass<DB> {
  override transaction() {
    return guarded(super.transaction());
  }
}

// PGlite is one connection. Kysely hands a connection to a transaction for its whole life, so
// the driver queues every caller behind a mutex: a query outside a transaction waits until the
// transaction ends instead of running inside it (kysely-pglite 0.6.1 lets it in; STACK.md).
// waitMs: how long a query may wait for the one connection before the request answers 503.
export class PGliteDialect implements Dialect {
  constructor(
    private readonly pglite: PGlite,
    private readonly waitMs = 15_000,
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite, this.waitMs);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's Dialect interface
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  private tail: Promise<void> = Promise.resolve();
  private release: (() => void) | null = null;
  private readonly connection: PGliteConnection;

  constructor(
    private readonly pglite: PGlite,
    private readonly waitMs: number,
  ) {
    this.connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (transactionScope.getStore()?.begun) throw new Error(NESTED_QUERY_MESSAGE);
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    // The deadline PostgreSQL's statement_timeout gives the server: PGlite ignores that setting
    // (a statement runs inside this process and cannot be interrupted), so the wait in the queue
    // is what is bounded; a request stuck behind a long transaction answers 503, not a hang.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(unavailable(DATABASE_SLOW_MESSAGE)), this.waitMs);
    });
    try {
      await Promise.race([previous, waited]);
    } catch (error) {
      previous.then(release); // keep the queue moving once the holder lets go
      throw error;
    } finally {
      clearTimeout(timer);
    }
    this.release = release;
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const scope = transactionScope.getStore();
    if (scope) scope.begun = true;
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : "";
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`));
  }

  // Work the callback started and left running (after-commit notices) may query freely once it ends.
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    endScope();
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    endScope();
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = null;
    release?.();
  }

  async destroy(): Promise<void> {
    await this.tail;
    if (!this.pglite.closed) await this.pglite.close();
  }
}

function endScope() {
  const scope = transactionScope.getStore();
  if (scope) scope.begun = false;
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(compiled.sql, compiled.parameters as unknown[]);
    return {
      rows: result.rows,
      ...(result.affectedRows !== undefined ? { numAffectedRows: BigInt(result.affectedRows) } : {}),
    };
  }

  // PGlite has no cursors across calls; callers that stream page with keyset queries instead.
  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(compiled);
  }
}

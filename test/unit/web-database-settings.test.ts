// Which database the dashboard opens: SEAMWATCH_DB (a postgres:// URL or a SQLite file), else DATABASE_URL,
// which only a PostgreSQL URL may be; the pool size; and a bad value named.
import { describe, expect, it } from "vitest";
import { isPostgresUrl } from "../../store/queries.ts";
import { readSettings } from "../../web/lib/settings.ts";

describe("the database settings", () => {
  it("take SEAMWATCH_DB first, then DATABASE_URL, then the SQLite file in ./data", () => {
    expect(readSettings({}).database).toBe("./data/seamwatch.db");
    expect(readSettings({ SEAMWATCH_DB: "/var/lib/seamwatch/db.sqlite" }).database).toBe(
      "/var/lib/seamwatch/db.sqlite",
    );
    expect(readSettings({ DATABASE_URL: "postgres://seamwatch@db:5432/seamwatch" }).database).toBe(
      "postgres://seamwatch@db:5432/seamwatch",
    );
    expect(
      readSettings({ SEAMWATCH_DB: "./mine.db", DATABASE_URL: "postgresql://seamwatch@db/seamwatch" })
        .database,
    ).toBe("./mine.db");
  });

  it("select PostgreSQL by a postgres:// or postgresql:// URL only", () => {
    expect(isPostgresUrl("postgres://u:p@127.0.0.1:5432/db")).toBe(true);
    expect(isPostgresUrl("postgresql://db/seamwatch")).toBe(true);
    expect(isPostgresUrl("POSTGRES://db/seamwatch")).toBe(true);
    expect(isPostgresUrl("./data/postgres.db")).toBe(false);
    expect(isPostgresUrl("mysql://db/seamwatch")).toBe(false);
  });

  it("read the pool size, 10 by default, and name a bad one or a DATABASE_URL that is not PostgreSQL's", () => {
    expect(readSettings({}).poolSize).toBe(10);
    expect(readSettings({ SEAMWATCH_DB_POOL_SIZE: "25" }).poolSize).toBe(25);
    expect(() => readSettings({ SEAMWATCH_DB_POOL_SIZE: "0" })).toThrow(/SEAMWATCH_DB_POOL_SIZE/);
    expect(() => readSettings({ DATABASE_URL: "mysql://db/seamwatch" })).toThrow(/DATABASE_URL/);
  });
});

-- test_results, partitioned by month of started_at (epoch ms, UTC months): retention drops whole months instead
-- of deleting rows, and a read that names a run's start touches one month. drizzle-kit cannot declare
-- partitioning, so this custom migration replaces the table 0000 created (always empty here: the two came in
-- one release, and the migrator applies pending migrations in one transaction) with a partitioned one of the
-- same columns and indexes. The months are created by the data module when an upload first needs one
-- (store/postgres.ts), as test_results_yYYYYmMM.
DROP TABLE "test_results";--> statement-breakpoint
CREATE TABLE "test_results" (
	"run_id" integer NOT NULL,
	"test_id" integer NOT NULL,
	"started_at" bigint NOT NULL,
	"status" integer NOT NULL,
	"duration_ms" integer NOT NULL,
	"attempts" integer NOT NULL,
	"failure_id" integer
) PARTITION BY RANGE ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "test_results_run_test_unique" ON "test_results" USING btree ("run_id","test_id","started_at");--> statement-breakpoint
CREATE INDEX "test_results_test_failure_idx" ON "test_results" USING btree ("test_id","failure_id","started_at") WHERE "failure_id" IS NOT NULL;--> statement-breakpoint
-- Rows every upload rewrites (each test's rollup row of the day, the project's versions; each test's last
-- day seen, once a day) keep room on their page, so that PostgreSQL updates them in place (HOT) instead of
-- writing a new page and new index entries.
ALTER TABLE "test_daily_rollups" SET (fillfactor = 50);--> statement-breakpoint
ALTER TABLE "projects" SET (fillfactor = 50);--> statement-breakpoint
ALTER TABLE "tests" SET (fillfactor = 90);--> statement-breakpoint
-- Chunks of test states are rewritten whole by every upload, and the tests of a chunk mostly remember the same
-- commits: LZ4 (PostgreSQL 14 and later) makes them a tenth of the size for little work.
ALTER TABLE "test_states" ALTER COLUMN "states" SET COMPRESSION lz4;

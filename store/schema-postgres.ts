// drizzle-kit's view of the schema for PostgreSQL (drizzle.config.postgres.ts): the tables store/schema.ts
// describes, rendered by drizzle's PostgreSQL dialect. Nothing else reads this file.
import { postgresTables } from "./schema.ts";

export const {
  projects,
  upload_tokens: uploadTokens,
  runs,
  run_attempts: runAttempts,
  tests,
  test_states: testStates,
  failure_messages: failureMessages,
  test_results: testResults,
  infra_events: infraEvents,
  test_daily_rollups: testDailyRollups,
  oidc_policies: oidcPolicies,
} = postgresTables;

CREATE TABLE `failure_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`fingerprint` text NOT NULL,
	`type` text,
	`message` text,
	`details` text,
	`signature` text,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `failure_messages_fingerprint_unique` ON `failure_messages` (`project_id`,`fingerprint`);--> statement-breakpoint
CREATE TABLE `infra_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`run_id` integer NOT NULL,
	`attempt` integer NOT NULL,
	`test_id` integer,
	`signature` text NOT NULL,
	`description` text NOT NULL,
	`evidence_line` text,
	`failures` integer NOT NULL,
	`time_lost_ms` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`branch` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`test_id`) REFERENCES `tests`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `infra_events_project_branch_time_idx` ON `infra_events` (`project_id`,`branch`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `infra_events_run_idx` ON `infra_events` (`run_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`default_branch` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_slug_unique` ON `projects` (`slug`);--> statement-breakpoint
CREATE TABLE `run_attempts` (
	`run_id` integer NOT NULL,
	`number` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`exit_code` integer,
	`signal` text,
	`timed_out` integer NOT NULL,
	`outcome` text NOT NULL,
	`retried` integer NOT NULL,
	`tests` integer NOT NULL,
	`failed_tests` integer NOT NULL,
	`unreadable_reports` integer NOT NULL,
	`evidence` text NOT NULL,
	PRIMARY KEY(`run_id`, `number`),
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`upload_key` text NOT NULL,
	`source` text NOT NULL,
	`report_version` integer NOT NULL,
	`provider` text,
	`commit_sha` text,
	`branch` text,
	`ref` text,
	`base_branch` text,
	`pull_request` integer,
	`workflow` text,
	`job` text,
	`job_key` text,
	`ci_run_id` text,
	`ci_run_attempt` integer,
	`run_url` text,
	`command` text NOT NULL,
	`started_at` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`received_at` integer NOT NULL,
	`outcome` text NOT NULL,
	`cancelled` integer NOT NULL,
	`attempts` integer NOT NULL,
	`infra_retries` integer NOT NULL,
	`tests` integer NOT NULL,
	`passed` integer NOT NULL,
	`failed` integer NOT NULL,
	`flaky` integer NOT NULL,
	`skipped` integer NOT NULL,
	`infra_failed` integer NOT NULL,
	`recovered` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `runs_upload_key_unique` ON `runs` (`project_id`,`upload_key`);--> statement-breakpoint
CREATE INDEX `runs_project_branch_started_idx` ON `runs` (`project_id`,`branch`,`started_at`);--> statement-breakpoint
CREATE INDEX `runs_project_started_idx` ON `runs` (`project_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `runs_project_commit_idx` ON `runs` (`project_id`,`commit_sha`);--> statement-breakpoint
CREATE TABLE `test_daily_rollups` (
	`project_id` integer NOT NULL,
	`branch` text NOT NULL,
	`day` integer NOT NULL,
	`test_id` integer NOT NULL,
	`passed` integer NOT NULL,
	`failed` integer NOT NULL,
	`flaky` integer NOT NULL,
	`skipped` integer NOT NULL,
	`infra` integer NOT NULL,
	`timed` integer NOT NULL,
	`total_ms` integer NOT NULL,
	`max_ms` integer,
	`p50_ms` integer,
	`p95_ms` integer,
	`durations` blob,
	PRIMARY KEY(`project_id`, `branch`, `day`, `test_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`test_id`) REFERENCES `tests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `test_daily_rollups_test_idx` ON `test_daily_rollups` (`test_id`,`branch`,`day`);--> statement-breakpoint
CREATE TABLE `test_results` (
	`id` integer PRIMARY KEY NOT NULL,
	`run_id` integer NOT NULL,
	`test_id` integer NOT NULL,
	`started_at` integer NOT NULL,
	`status` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`attempts` integer NOT NULL,
	`failure_id` integer,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`test_id`) REFERENCES `tests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`failure_id`) REFERENCES `failure_messages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `test_results_run_test_unique` ON `test_results` (`run_id`,`test_id`);--> statement-breakpoint
CREATE INDEX `test_results_test_started_idx` ON `test_results` (`test_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `test_results_test_failure_idx` ON `test_results` (`test_id`,`failure_id`,`started_at`) WHERE "test_results"."failure_id" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `tests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`test_key` text NOT NULL,
	`suite` text NOT NULL,
	`classname` text NOT NULL,
	`name` text NOT NULL,
	`file` text,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`state` text DEFAULT 'healthy' NOT NULL,
	`state_data` text,
	`state_changed_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tests_project_key_unique` ON `tests` (`project_id`,`test_key`);--> statement-breakpoint
CREATE TABLE `upload_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`label` text,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `upload_tokens_hash_unique` ON `upload_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `upload_tokens_project_idx` ON `upload_tokens` (`project_id`);
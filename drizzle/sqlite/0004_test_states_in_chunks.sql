CREATE TABLE `test_states` (
	`project_id` integer NOT NULL,
	`chunk` integer NOT NULL,
	`states` text NOT NULL,
	PRIMARY KEY(`project_id`, `chunk`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `projects` ADD `ingest_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `past_days_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-added before the first commit of this migration: the states move into their chunks (128 test ids a
-- chunk, `id space state` lines) before state_data goes.
INSERT INTO `test_states` (`project_id`, `chunk`, `states`)
	SELECT `project_id`, `id` / 128, group_concat(`id` || ' ' || `state_data`, char(10))
	FROM `tests` WHERE `state_data` IS NOT NULL GROUP BY `project_id`, `id` / 128;--> statement-breakpoint
ALTER TABLE `tests` DROP COLUMN `state_data`;
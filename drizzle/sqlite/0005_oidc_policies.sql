CREATE TABLE `oidc_policies` (
	`project_id` integer PRIMARY KEY NOT NULL,
	`refs` text DEFAULT '[]' NOT NULL,
	`workflows` text DEFAULT '[]' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);

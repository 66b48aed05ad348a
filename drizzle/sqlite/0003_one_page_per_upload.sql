DROP INDEX `test_daily_rollups_test_window_idx`;--> statement-breakpoint
DROP INDEX `test_results_test_started_idx`;
CREATE TABLE "oidc_policies" (
	"project_id" integer NOT NULL,
	"refs" text DEFAULT '[]' NOT NULL,
	"workflows" text DEFAULT '[]' NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "oidc_policies_project_id_pk" PRIMARY KEY("project_id")
);
--> statement-breakpoint
ALTER TABLE "oidc_policies" ADD CONSTRAINT "oidc_policies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
ALTER TABLE "project_steps" ADD COLUMN "content_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "project_steps" ADD COLUMN "derived_content" json DEFAULT '{}'::json NOT NULL;
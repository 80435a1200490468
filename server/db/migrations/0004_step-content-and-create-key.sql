ALTER TABLE "project_steps" ADD COLUMN "content_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "project_steps" ADD COLUMN "derived_content" json DEFAULT '{}'::json NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "create_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "projects_owner_create_key_uq" ON "projects" USING btree ("owner_id","create_key");
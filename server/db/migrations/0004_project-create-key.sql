ALTER TABLE "projects" ADD COLUMN "create_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "projects_owner_create_key_uq" ON "projects" USING btree ("owner_id","create_key");
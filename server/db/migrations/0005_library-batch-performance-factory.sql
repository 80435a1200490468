CREATE TABLE "batch_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"ref" uuid NOT NULL,
	"ref_version" integer,
	"label" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"project_id" uuid,
	"make_job_id" uuid,
	"error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"make_video" boolean DEFAULT false NOT NULL,
	"options" json DEFAULT '{}'::json NOT NULL,
	"job_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "factory_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"feed_item_id" uuid,
	"title" text NOT NULL,
	"source_url" text,
	"source_text" text NOT NULL,
	"feed_title" text,
	"image_url" text,
	"score" integer NOT NULL,
	"analysis" json NOT NULL,
	"format" text NOT NULL,
	"language" text NOT NULL,
	"why" json NOT NULL,
	"checks" json NOT NULL,
	"script" json NOT NULL,
	"versions" json NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reject_category" text,
	"reject_reason" text,
	"project_id" uuid,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "factory_drafts_item_id_unique" UNIQUE("item_id")
);
--> statement-breakpoint
CREATE TABLE "factory_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"feed_item_id" uuid NOT NULL,
	"run_id" uuid,
	"title" text NOT NULL,
	"status" text DEFAULT 'working' NOT NULL,
	"reason" text,
	"log" json DEFAULT '[]'::json NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "factory_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"summary" json DEFAULT '{}'::json NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "factory_settings" (
	"owner_id" uuid PRIMARY KEY NOT NULL,
	"rules" json NOT NULL,
	"learned" json DEFAULT '{}'::json NOT NULL,
	"profile" json DEFAULT '[]'::json NOT NULL,
	"usage_day" text DEFAULT '' NOT NULL,
	"drafts_today" integer DEFAULT 0 NOT NULL,
	"usage_month" text DEFAULT '' NOT NULL,
	"spent_micros" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_script_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"script" json NOT NULL,
	"text" text NOT NULL,
	"source" json DEFAULT '{}'::json NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_scripts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"project_id" uuid,
	"title" text NOT NULL,
	"tags" json DEFAULT '[]'::json NOT NULL,
	"latest_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_readings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"publication_id" uuid NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"values" json NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"url" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"external_id" text,
	"refresh_status" text DEFAULT 'none' NOT NULL,
	"refresh_error" text,
	"refreshed_at" timestamp with time zone,
	"refresh_after" timestamp with time zone,
	"refresh_failures" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "video_predictions" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"data" json NOT NULL,
	"rendered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "batch_items" ADD CONSTRAINT "batch_items_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_items" ADD CONSTRAINT "batch_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batches" ADD CONSTRAINT "batches_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_drafts" ADD CONSTRAINT "factory_drafts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_drafts" ADD CONSTRAINT "factory_drafts_item_id_factory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."factory_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_drafts" ADD CONSTRAINT "factory_drafts_feed_item_id_feed_items_id_fk" FOREIGN KEY ("feed_item_id") REFERENCES "public"."feed_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_drafts" ADD CONSTRAINT "factory_drafts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_items" ADD CONSTRAINT "factory_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_items" ADD CONSTRAINT "factory_items_feed_item_id_feed_items_id_fk" FOREIGN KEY ("feed_item_id") REFERENCES "public"."feed_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_items" ADD CONSTRAINT "factory_items_run_id_factory_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."factory_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_runs" ADD CONSTRAINT "factory_runs_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_settings" ADD CONSTRAINT "factory_settings_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_script_versions" ADD CONSTRAINT "library_script_versions_entry_id_library_scripts_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."library_scripts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_scripts" ADD CONSTRAINT "library_scripts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_scripts" ADD CONSTRAINT "library_scripts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_readings" ADD CONSTRAINT "metric_readings_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_predictions" ADD CONSTRAINT "video_predictions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_predictions" ADD CONSTRAINT "video_predictions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "batch_items_batch_position_uq" ON "batch_items" USING btree ("batch_id","position");--> statement-breakpoint
CREATE INDEX "batches_owner_idx" ON "batches" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "factory_drafts_owner_idx" ON "factory_drafts" USING btree ("owner_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "factory_items_owner_item_uq" ON "factory_items" USING btree ("owner_id","feed_item_id");--> statement-breakpoint
CREATE INDEX "factory_items_run_idx" ON "factory_items" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "factory_runs_owner_idx" ON "factory_runs" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "library_script_versions_entry_version_uq" ON "library_script_versions" USING btree ("entry_id","version");--> statement-breakpoint
CREATE INDEX "library_scripts_owner_idx" ON "library_scripts" USING btree ("owner_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "library_scripts_owner_project_uq" ON "library_scripts" USING btree ("owner_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "metric_readings_publication_time_uq" ON "metric_readings" USING btree ("publication_id","source","read_at");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_project_url_uq" ON "publications" USING btree ("project_id","platform","url");--> statement-breakpoint
CREATE INDEX "publications_owner_idx" ON "publications" USING btree ("owner_id");
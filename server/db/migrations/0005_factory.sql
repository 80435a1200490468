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
ALTER TABLE "factory_drafts" ADD CONSTRAINT "factory_drafts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_drafts" ADD CONSTRAINT "factory_drafts_item_id_factory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."factory_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_drafts" ADD CONSTRAINT "factory_drafts_feed_item_id_feed_items_id_fk" FOREIGN KEY ("feed_item_id") REFERENCES "public"."feed_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_drafts" ADD CONSTRAINT "factory_drafts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_items" ADD CONSTRAINT "factory_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_items" ADD CONSTRAINT "factory_items_feed_item_id_feed_items_id_fk" FOREIGN KEY ("feed_item_id") REFERENCES "public"."feed_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_items" ADD CONSTRAINT "factory_items_run_id_factory_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."factory_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_runs" ADD CONSTRAINT "factory_runs_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "factory_settings" ADD CONSTRAINT "factory_settings_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "factory_drafts_owner_idx" ON "factory_drafts" USING btree ("owner_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "factory_items_owner_item_uq" ON "factory_items" USING btree ("owner_id","feed_item_id");--> statement-breakpoint
CREATE INDEX "factory_items_run_idx" ON "factory_items" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "factory_runs_owner_idx" ON "factory_runs" USING btree ("owner_id","created_at");
CREATE TABLE "assets" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL,
	"provenance" jsonb NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"layers" text[] DEFAULT '{}'::text[] NOT NULL,
	"priority" text,
	"description" text,
	"product_id" text,
	"provider_id" text,
	"hosting_party_id" text,
	"hosting_locations" text[] DEFAULT '{}'::text[] NOT NULL,
	"data_locations" jsonb NOT NULL,
	"data_sensitivity" text,
	"key_control" text,
	"users" integer,
	"lock_in" jsonb,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "assets_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "changes" (
	"org_id" text NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "changes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"kind" text NOT NULL,
	"record_id" text NOT NULL,
	"op" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"note" text,
	CONSTRAINT "changes_org_id_seq_pk" PRIMARY KEY("org_id","seq")
);
--> statement-breakpoint
CREATE TABLE "components" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL,
	"provenance" jsonb NOT NULL,
	"asset_id" text NOT NULL,
	"name" text NOT NULL,
	"version" text,
	"purl" text,
	"supplier" text,
	"licences" text[] DEFAULT '{}'::text[] NOT NULL,
	"hashes" jsonb NOT NULL,
	"depends_on" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "components_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL,
	"provenance" jsonb NOT NULL,
	"name" text NOT NULL,
	"supplier_id" text NOT NULL,
	"asset_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"reference" text,
	"start_date" date,
	"end_date" date,
	"notice_period_days" integer,
	"annual_value_eur" double precision,
	"governing_law" text,
	"exit_clause" boolean,
	"description" text,
	CONSTRAINT "contracts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "dependencies" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL,
	"provenance" jsonb NOT NULL,
	"from_ref" text NOT NULL,
	"to_ref" text NOT NULL,
	"relation" text NOT NULL,
	"redundancy_group" text,
	"description" text,
	CONSTRAINT "dependencies_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "exit_plans" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL,
	"provenance" jsonb NOT NULL,
	"name" text NOT NULL,
	"asset_id" text NOT NULL,
	"strategy" text NOT NULL,
	"target_alternative" text,
	"target_product_id" text,
	"effort" text,
	"time_to_switch_days" integer,
	"last_tested" date,
	"description" text,
	CONSTRAINT "exit_plans_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL,
	"provenance" jsonb NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"owner" text,
	"due_date" date,
	"status" text NOT NULL,
	"progress" integer NOT NULL,
	"priorities" text[] DEFAULT '{}'::text[] NOT NULL,
	"targets" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "measures_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"country" text NOT NULL,
	"sector" text,
	"identifiers" jsonb NOT NULL,
	"description" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL,
	"provenance" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parties" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL,
	"provenance" jsonb NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"country" text,
	"parent_id" text,
	"identifiers" jsonb NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"website" text,
	"description" text,
	CONSTRAINT "parties_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "processes" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL,
	"provenance" jsonb NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"vital" boolean NOT NULL,
	"public_interests" text[] DEFAULT '{}'::text[] NOT NULL,
	"max_tolerable_downtime_hours" double precision,
	"owner" text,
	CONSTRAINT "processes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp(3) with time zone NOT NULL,
	"updated_at" timestamp(3) with time zone NOT NULL,
	"provenance" jsonb NOT NULL,
	"name" text NOT NULL,
	"vendor_id" text,
	"category" text,
	"layers" text[] DEFAULT '{}'::text[] NOT NULL,
	"open_source" boolean NOT NULL,
	"licence" text,
	"open_standards" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text,
	CONSTRAINT "products_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE INDEX "assets_provider_idx" ON "assets" USING btree ("org_id","provider_id");--> statement-breakpoint
CREATE INDEX "assets_hosting_idx" ON "assets" USING btree ("org_id","hosting_party_id");--> statement-breakpoint
CREATE INDEX "assets_product_idx" ON "assets" USING btree ("org_id","product_id");--> statement-breakpoint
CREATE INDEX "changes_record_idx" ON "changes" USING btree ("org_id","kind","record_id");--> statement-breakpoint
CREATE INDEX "components_asset_idx" ON "components" USING btree ("org_id","asset_id");--> statement-breakpoint
CREATE INDEX "components_name_idx" ON "components" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "components_purl_idx" ON "components" USING btree ("org_id","purl");--> statement-breakpoint
CREATE INDEX "contracts_supplier_idx" ON "contracts" USING btree ("org_id","supplier_id");--> statement-breakpoint
CREATE INDEX "dependencies_from_idx" ON "dependencies" USING btree ("org_id","from_ref");--> statement-breakpoint
CREATE INDEX "dependencies_to_idx" ON "dependencies" USING btree ("org_id","to_ref");--> statement-breakpoint
CREATE INDEX "exit_plans_asset_idx" ON "exit_plans" USING btree ("org_id","asset_id");--> statement-breakpoint
CREATE INDEX "parties_parent_idx" ON "parties" USING btree ("org_id","parent_id");--> statement-breakpoint
CREATE INDEX "products_vendor_idx" ON "products" USING btree ("org_id","vendor_id");
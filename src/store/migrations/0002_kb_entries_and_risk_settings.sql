CREATE TABLE "kb_entries" (
	"org_id" text NOT NULL,
	"kind" text NOT NULL,
	"id" text NOT NULL,
	"data" jsonb NOT NULL,
	"justification" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"provenance" jsonb NOT NULL,
	CONSTRAINT "kb_entries_org_id_kind_id_pk" PRIMARY KEY("org_id","kind","id")
);
--> statement-breakpoint
CREATE TABLE "risk_settings" (
	"org_id" text PRIMARY KEY NOT NULL,
	"overrides" jsonb NOT NULL,
	"justification" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);

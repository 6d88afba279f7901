CREATE TABLE "scenarios" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"provenance" jsonb NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"cuts" jsonb NOT NULL,
	"duration_hours" double precision,
	"based_on" text,
	CONSTRAINT "scenarios_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "effects" jsonb DEFAULT '[]'::jsonb NOT NULL;
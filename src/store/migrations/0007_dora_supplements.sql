CREATE TABLE "dora_supplements" (
	"org_id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"imported_at" timestamp (3) with time zone NOT NULL,
	"actor" text NOT NULL,
	"report" jsonb NOT NULL
);

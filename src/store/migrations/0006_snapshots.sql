CREATE TABLE "snapshots" (
	"org_id" text NOT NULL,
	"id" text NOT NULL,
	"label" text,
	"taken_at" timestamp (3) with time zone NOT NULL,
	"actor" text NOT NULL,
	"register_version" bigint NOT NULL,
	"knowledge_base_version" text NOT NULL,
	"config_version" text NOT NULL,
	"analysis" jsonb NOT NULL,
	"scenarios" jsonb NOT NULL,
	CONSTRAINT "snapshots_org_id_id_pk" PRIMARY KEY("org_id","id")
);

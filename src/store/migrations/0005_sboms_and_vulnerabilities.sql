CREATE TABLE "findings" (
	"org_id" text NOT NULL,
	"component_id" text NOT NULL,
	"vuln_id" text NOT NULL,
	"asset_id" text NOT NULL,
	"reason" text NOT NULL,
	"found_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "findings_org_id_component_id_vuln_id_pk" PRIMARY KEY("org_id","component_id","vuln_id")
);
--> statement-breakpoint
CREATE TABLE "sboms" (
	"org_id" text NOT NULL,
	"asset_id" text NOT NULL,
	"format" text NOT NULL,
	"spec_version" text NOT NULL,
	"document_id" text,
	"created" text,
	"authors" text[] DEFAULT '{}'::text[] NOT NULL,
	"tools" text[] DEFAULT '{}'::text[] NOT NULL,
	"subject" jsonb,
	"file" text,
	"components" integer NOT NULL,
	"quality" jsonb NOT NULL,
	"suppliers" jsonb NOT NULL,
	"imported_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "sboms_org_id_asset_id_pk" PRIMARY KEY("org_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "vulnerabilities" (
	"id" text PRIMARY KEY NOT NULL,
	"modified" timestamp (3) with time zone NOT NULL,
	"withdrawn" timestamp (3) with time zone,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text,
	"record" jsonb NOT NULL,
	"source" text NOT NULL,
	"fetched_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vulnerability_packages" (
	"ecosystem" text NOT NULL,
	"name" text NOT NULL,
	"vuln_id" text NOT NULL,
	CONSTRAINT "vulnerability_packages_name_ecosystem_vuln_id_pk" PRIMARY KEY("name","ecosystem","vuln_id")
);
--> statement-breakpoint
CREATE INDEX "findings_asset_idx" ON "findings" USING btree ("org_id","asset_id");--> statement-breakpoint
CREATE INDEX "findings_vuln_idx" ON "findings" USING btree ("org_id","vuln_id");--> statement-breakpoint
CREATE INDEX "vulnerability_packages_vuln_idx" ON "vulnerability_packages" USING btree ("vuln_id");
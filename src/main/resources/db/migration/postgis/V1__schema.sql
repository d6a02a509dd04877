-- Tryggkarta's PostGIS schema, version 1. Flyway runs it in the store's schema (default
-- "tryggkarta"); PostGIS itself lives in public, where provisioning or the DBA created it.
CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public;

-- One counter for every workspace's data version: a write anywhere takes the next value, so a
-- version never repeats, not even after a workspace is deleted and created again.
CREATE SEQUENCE tk_data_version;

-- external ids, workspace ids and document ids use the "C" collation: ORDER BY then sorts by
-- code point, the same order as the GeoPackage store, whatever the database's locale.
CREATE TABLE workspaces (
  id            text COLLATE "C" PRIMARY KEY,
  name          text NOT NULL,
  crs_epsg      integer NOT NULL,
  time_zone     text NOT NULL,
  public_access boolean NOT NULL,
  min_events    integer NOT NULL,
  min_cell_m    double precision NOT NULL,
  data_version  bigint NOT NULL,
  boundary      geometry(Geometry, 4326)
);

CREATE TABLE incidents (
  workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  external_id  text COLLATE "C" NOT NULL,
  geom         geometry(Point, 4326) NOT NULL,
  occurred_at  timestamptz NOT NULL,
  category     text NOT NULL,
  weight       double precision NOT NULL,
  extra        jsonb,
  PRIMARY KEY (workspace_id, external_id)
);
CREATE INDEX incidents_geom_idx ON incidents USING gist (geom);
CREATE INDEX incidents_time_idx ON incidents (workspace_id, occurred_at);

CREATE TABLE unsafe_places (
  workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  external_id  text COLLATE "C" NOT NULL,
  geom         geometry(Point, 4326) NOT NULL,
  reported_at  timestamptz NOT NULL,
  category     text NOT NULL,
  source       text NOT NULL,
  comment      text,
  extra        jsonb,
  PRIMARY KEY (workspace_id, external_id)
);
CREATE INDEX unsafe_places_geom_idx ON unsafe_places USING gist (geom);
CREATE INDEX unsafe_places_time_idx ON unsafe_places (workspace_id, reported_at);

CREATE TABLE lamps (
  workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  external_id  text COLLATE "C" NOT NULL,
  geom         geometry(Point, 4326) NOT NULL,
  status       text NOT NULL,
  power_w      double precision,
  lumens       double precision,
  installed_on date,
  source       text NOT NULL,
  extra        jsonb,
  PRIMARY KEY (workspace_id, external_id)
);
CREATE INDEX lamps_geom_idx ON lamps USING gist (geom);

CREATE TABLE places (
  workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  external_id  text COLLATE "C" NOT NULL,
  geom         geometry(Geometry, 4326) NOT NULL,
  name         text NOT NULL,
  extra        jsonb,
  PRIMARY KEY (workspace_id, external_id)
);
CREATE INDEX places_geom_idx ON places USING gist (geom);

CREATE TABLE streets (
  workspace_id text COLLATE "C" NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  external_id  text COLLATE "C" NOT NULL,
  geom         geometry(LineString, 4326) NOT NULL,
  highway      text NOT NULL,
  lit          text NOT NULL,
  name         text,
  extra        jsonb,
  PRIMARY KEY (workspace_id, external_id)
);
CREATE INDEX streets_geom_idx ON streets USING gist (geom);

-- JSON documents (commitments, API keys, ...). scope is a workspace id or '' for global ones, so
-- it cannot be a foreign key; deleting a workspace deletes its documents explicitly.
CREATE TABLE documents (
  collection text COLLATE "C" NOT NULL,
  scope      text COLLATE "C" NOT NULL,
  doc_id     text COLLATE "C" NOT NULL,
  json       text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (collection, scope, doc_id)
);
CREATE INDEX documents_scope_idx ON documents (scope);

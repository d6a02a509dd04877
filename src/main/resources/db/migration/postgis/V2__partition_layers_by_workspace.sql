-- Version 2: every layer table is partitioned by workspace (PARTITION BY LIST (workspace_id)).
--
-- Why: keeping a GiST, a primary-key and a time index up to date row by row caps an import at
-- about 27 000 rows/s on two cores. With one partition per workspace and layer, the first import
-- into a workspace's layer COPYs into a fresh table without indexes, builds the indexes in bulk
-- (PostGIS sorts the points for the GiST build) and attaches the table as the workspace's
-- partition, all in the import's one transaction. Queries name their workspace, so the planner
-- reads only that workspace's partition, and deleting a workspace drops its partitions.
--
-- The primary keys lead with external_id: within a partition workspace_id is one value, so
-- sorting by it first only slows the key's bulk build (it defeats PostgreSQL's abbreviated keys),
-- and the key still orders a workspace's rows by external id.
--
-- The foreign keys to workspaces are gone: a partition exists only while its workspace does
-- (an import creates it while holding the workspace row, deleting the workspace drops it).

-- The name of a workspace's partition of a layer table: the table, '_' and the workspace id
-- (incidents_kungalv, lamps_lilla-edet), cut and made unique by a hash where it would not fit
-- PostgreSQL's 63-byte names. Workspace ids are [a-z0-9-] and never contain '_', so no partition
-- name can equal another relation of the schema: those all have a '_' after the table's prefix
-- (the partitions' indexes, which PostgreSQL names <partition>_pkey, <partition>_geom_idx, ...;
-- the layer tables' own constraints and indexes below). The store asks this function, so the
-- rule lives here only.
CREATE FUNCTION tk_partition_name(layer_table text, workspace_id text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT CASE
      WHEN octet_length(layer_table || '_' || workspace_id) <= 63
        THEN layer_table || '_' || workspace_id
      ELSE left(layer_table || '_' || workspace_id, 54) || '_' || left(md5(workspace_id), 8)
    END
  $$;

ALTER TABLE incidents RENAME TO incidents_v1_old;
ALTER TABLE unsafe_places RENAME TO unsafe_places_v1_old;
ALTER TABLE lamps RENAME TO lamps_v1_old;
ALTER TABLE places RENAME TO places_v1_old;
ALTER TABLE streets RENAME TO streets_v1_old;
ALTER INDEX incidents_pkey RENAME TO incidents_v1_old_pkey;
ALTER INDEX unsafe_places_pkey RENAME TO unsafe_places_v1_old_pkey;
ALTER INDEX lamps_pkey RENAME TO lamps_v1_old_pkey;
ALTER INDEX places_pkey RENAME TO places_v1_old_pkey;
ALTER INDEX streets_pkey RENAME TO streets_v1_old_pkey;
DROP INDEX incidents_geom_idx, incidents_time_idx, unsafe_places_geom_idx, unsafe_places_time_idx,
  lamps_geom_idx, places_geom_idx, streets_geom_idx;

CREATE TABLE incidents (
  workspace_id text COLLATE "C" NOT NULL,
  external_id  text COLLATE "C" NOT NULL,
  geom         geometry(Point, 4326) NOT NULL,
  occurred_at  timestamptz NOT NULL,
  category     text NOT NULL,
  weight       double precision NOT NULL,
  extra        jsonb,
  CONSTRAINT incidents_external_id_key PRIMARY KEY (external_id, workspace_id)
) PARTITION BY LIST (workspace_id);
CREATE INDEX incidents_geom_idx ON incidents USING gist (geom);
-- within a workspace's partition the time alone orders the rows
CREATE INDEX incidents_time_idx ON incidents (occurred_at);

CREATE TABLE unsafe_places (
  workspace_id text COLLATE "C" NOT NULL,
  external_id  text COLLATE "C" NOT NULL,
  geom         geometry(Point, 4326) NOT NULL,
  reported_at  timestamptz NOT NULL,
  category     text NOT NULL,
  source       text NOT NULL,
  comment      text,
  extra        jsonb,
  CONSTRAINT unsafe_places_external_id_key PRIMARY KEY (external_id, workspace_id)
) PARTITION BY LIST (workspace_id);
CREATE INDEX unsafe_places_geom_idx ON unsafe_places USING gist (geom);
CREATE INDEX unsafe_places_time_idx ON unsafe_places (reported_at);

CREATE TABLE lamps (
  workspace_id text COLLATE "C" NOT NULL,
  external_id  text COLLATE "C" NOT NULL,
  geom         geometry(Point, 4326) NOT NULL,
  status       text NOT NULL,
  power_w      double precision,
  lumens       double precision,
  installed_on date,
  source       text NOT NULL,
  extra        jsonb,
  CONSTRAINT lamps_external_id_key PRIMARY KEY (external_id, workspace_id)
) PARTITION BY LIST (workspace_id);
CREATE INDEX lamps_geom_idx ON lamps USING gist (geom);

CREATE TABLE places (
  workspace_id text COLLATE "C" NOT NULL,
  external_id  text COLLATE "C" NOT NULL,
  geom         geometry(Geometry, 4326) NOT NULL,
  name         text NOT NULL,
  extra        jsonb,
  CONSTRAINT places_external_id_key PRIMARY KEY (external_id, workspace_id)
) PARTITION BY LIST (workspace_id);
CREATE INDEX places_geom_idx ON places USING gist (geom);

CREATE TABLE streets (
  workspace_id text COLLATE "C" NOT NULL,
  external_id  text COLLATE "C" NOT NULL,
  geom         geometry(LineString, 4326) NOT NULL,
  highway      text NOT NULL,
  lit          text NOT NULL,
  name         text,
  extra        jsonb,
  CONSTRAINT streets_external_id_key PRIMARY KEY (external_id, workspace_id)
) PARTITION BY LIST (workspace_id);
CREATE INDEX streets_geom_idx ON streets USING gist (geom);

-- Move the stored rows: one partition for each workspace that has rows in a layer, loaded the
-- way the store bulk-loads a first import (rows first, indexes built once, then attached).
DO $$
DECLARE
  layer_table text;
  time_column text;
  ws text;
  part text;
BEGIN
  FOREACH layer_table IN ARRAY ARRAY['incidents', 'unsafe_places', 'lamps', 'places', 'streets']
  LOOP
    time_column := CASE layer_table
      WHEN 'incidents' THEN 'occurred_at' WHEN 'unsafe_places' THEN 'reported_at' END;
    FOR ws IN EXECUTE format('SELECT DISTINCT workspace_id FROM %I', layer_table || '_v1_old')
    LOOP
      part := tk_partition_name(layer_table, ws);
      EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS, CHECK (workspace_id = %L))',
        part, layer_table, ws);
      EXECUTE format('INSERT INTO %I SELECT * FROM %I WHERE workspace_id = %L',
        part, layer_table || '_v1_old', ws);
      EXECUTE format('ALTER TABLE %I ADD PRIMARY KEY (external_id, workspace_id)', part);
      EXECUTE format('CREATE INDEX ON %I USING gist (geom)', part);
      IF time_column IS NOT NULL THEN
        EXECUTE format('CREATE INDEX ON %I (%I)', part, time_column);
      END IF;
      EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES IN (%L)', layer_table, part, ws);
    END LOOP;
    EXECUTE format('DROP TABLE %I', layer_table || '_v1_old');
  END LOOP;
END
$$;

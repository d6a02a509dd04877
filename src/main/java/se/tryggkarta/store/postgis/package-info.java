/**
 * The PostGIS store for production: PostgreSQL with PostGIS, shared by several service instances.
 * Entry class: {@link se.tryggkarta.store.postgis.PostgisStore}. Invariants: the schema comes only
 * from the Flyway migrations in {@code db/migration/postgis}; layer tables are partitioned by
 * workspace; every write is one transaction (an import is one binary COPY, either into the new
 * partition of a workspace's first import, indexed and attached on commit, or into a temporary
 * table merged on commit); nothing is cached, and each write takes a new value of one sequence as
 * the workspace's data version.
 */
package se.tryggkarta.store.postgis;

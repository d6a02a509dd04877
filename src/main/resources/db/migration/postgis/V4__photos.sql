-- Photos of walk findings, stripped of their metadata before they get here (issue 22). They are
-- personal data and stay in the database with everything else, never as files beside it.
-- Deleting a workspace deletes its photos explicitly (as with documents).
CREATE TABLE photos (
  workspace_id text COLLATE "C" NOT NULL,
  photo_id     text COLLATE "C" NOT NULL,
  finding_id   text COLLATE "C" NOT NULL,
  content_type text NOT NULL,
  bytes        bytea NOT NULL,
  PRIMARY KEY (workspace_id, photo_id)
);

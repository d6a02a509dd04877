-- Workspace settings shared by analyses and texts: the night hours (walks, lighting, the map's
-- night filter, the public releases' night slice) and category display names. NULL reads as the
-- defaults (night 18-06, the built-in names), so rows written before this migration need no update.
ALTER TABLE workspaces ADD COLUMN settings jsonb;

-- Clusters, visions and objectives (issue 4): the canonical cluster list says where
-- each cluster comes from, relations between clusters that are not the same are
-- explicit, and every mention, vision and objective says which rule found it.

ALTER TABLE clusters ADD COLUMN kind VARCHAR DEFAULT 'cluster';
ALTER TABLE clusters ADD COLUMN origin VARCHAR DEFAULT 'curated';
ALTER TABLE clusters ADD COLUMN parent_cluster_id VARCHAR;
ALTER TABLE clusters ADD COLUMN note VARCHAR;

ALTER TABLE cluster_aliases ADD COLUMN origin VARCHAR DEFAULT 'curated';
ALTER TABLE cluster_aliases ADD COLUMN alias_key VARCHAR;

CREATE TABLE cluster_relations (
    cluster_id VARCHAR NOT NULL,
    related_cluster_id VARCHAR NOT NULL,
    relation VARCHAR NOT NULL,
    note VARCHAR
);

ALTER TABLE cluster_mentions ADD COLUMN mention_id VARCHAR;
ALTER TABLE cluster_mentions ADD COLUMN rule VARCHAR;
ALTER TABLE cluster_mentions ADD COLUMN origin VARCHAR;

ALTER TABLE visions ADD COLUMN vision_id VARCHAR;
ALTER TABLE visions ADD COLUMN frame VARCHAR;
ALTER TABLE visions ADD COLUMN rule VARCHAR;
ALTER TABLE visions ADD COLUMN attribution VARCHAR;

ALTER TABLE objectives ADD COLUMN objective_id VARCHAR;
ALTER TABLE objectives ADD COLUMN list_number INTEGER;
ALTER TABLE objectives ADD COLUMN list_style VARCHAR;
ALTER TABLE objectives ADD COLUMN list_kind VARCHAR;
ALTER TABLE objectives ADD COLUMN lead_in VARCHAR;
ALTER TABLE objectives ADD COLUMN attribution VARCHAR;

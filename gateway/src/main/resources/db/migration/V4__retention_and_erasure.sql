-- Retention per sensitivity class and erasure requests. Runs unchanged on H2 2.3 and PostgreSQL 17.

-- The record's own retentionUntil (contract versioning.retentionUntil), copied at intake so the
-- retention job can find due versions without reading JSON. Versions stored before V4 have none:
-- only the configured periods apply to them.
alter table assessment_record add column retention_until date;
-- Classes (S1..S7, comma-separated, sorted) removed from 'content' by retention or erasure.
alter table assessment_record add column removed_classes varchar(64);
-- The erasure request that removed this version's content (with content_erased_at from V1).
alter table assessment_record add column erasure_id varchar(36);
create index ix_record_created on assessment_record (created_at);

-- One row per erasure request (GDPR Art. 17 / LED Art. 16), as an operator recorded it.
create table erasure_request (
  erasure_id           varchar(36)  primary key,
  request_reference    varchar(64)  not null unique,
  subject_pseudonym    varchar(64)  not null,
  record_id            varchar(36),
  reason               varchar(32)  not null,
  requested_by         varchar(128) not null,
  requested_at         timestamp with time zone not null,
  versions_erased      integer      not null,
  deliveries_cancelled integer      not null
);
create index ix_erasure_subject on erasure_request (subject_pseudonym);

-- Jobs that must run once per scheduled slot however many gateway instances share the database.
-- An instance runs a slot only if its compare-and-set on this row matched (see JobLock).
create table job_lock (
  job_name     varchar(64) primary key,
  owner        varchar(64),
  locked_until timestamp with time zone,
  last_slot    timestamp with time zone
);
insert into job_lock (job_name) values ('retention');

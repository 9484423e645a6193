-- Auditor API (issue 5, part 4). Runs unchanged on H2 2.3 and PostgreSQL 17.
-- Columns are added, never changed: entries written before this migration keep their canonical
-- form (a null member is left out of it), so their Merkle leaves stay the same.

-- Cross-border transfers (docs/domain.md, auditor question 6): where the data came from and went to,
-- and the legal mechanism for a transfer outside the EU (LED Art. 35-38, GDPR Chapter V).
alter table audit_entry add column source_country varchar(2);
alter table audit_entry add column destination_country varchar(2);
alter table audit_entry add column transfer_basis varchar(48);
-- The entry this one is about: a break-the-glass review names the access it reviews.
alter table audit_entry add column refers_to varchar(36);

create index ix_audit_refers_to on audit_entry (refers_to);
create index ix_audit_action_time on audit_entry (action, occurred_at);

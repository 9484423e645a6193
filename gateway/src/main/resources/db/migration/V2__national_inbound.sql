-- Which national message became which exchange. A message read again (a file dropped twice, a
-- poll after a restart, a SOAP retry) is recognised by (system_id, message_id) and not taken in twice.
-- Written in the same transaction as the record and the exchange.
create table national_message (
  system_id    varchar(64)  not null,
  message_id   varchar(300) not null,
  exchange_id  varchar(36)  not null references exchange (exchange_id),
  received_at  timestamp with time zone not null,
  primary key (system_id, message_id)
);

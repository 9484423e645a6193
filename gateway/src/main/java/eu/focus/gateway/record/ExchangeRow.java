package eu.focus.gateway.record;

import java.time.Instant;

/** One submission: which record version went out, from whom, why, under which basis. */
public record ExchangeRow(
    String exchangeId,
    String messageId,
    String recordId,
    int recordVersion,
    String sourceAgency,
    String purpose,
    String legalBasis,
    String transferBasis,
    String consentId,
    String handling,
    String correlationId,
    String channel,
    Instant createdAt) {}

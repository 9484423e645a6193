package eu.focus.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.focus.gateway.agency.Agency;
import eu.focus.gateway.consent.Consent;
import eu.focus.gateway.record.StoredRecord;
import java.util.List;
import java.util.Optional;

/**
 * A submission that passed every check, with what the steps in the transaction need.
 *
 * @param reshare true when it re-shares the latest stored version with new recipients
 * @param stored the record as stored: with the subject's pseudonym
 */
record CheckedSubmission(
    JsonNode submission,
    Agency sender,
    List<Agency> recipients,
    String recordId,
    int version,
    Optional<StoredRecord> previous,
    boolean reshare,
    String subject,
    ObjectNode stored,
    String consentRef,
    Optional<Consent> consent,
    String purpose,
    String legalBasis,
    String transferBasis) {}

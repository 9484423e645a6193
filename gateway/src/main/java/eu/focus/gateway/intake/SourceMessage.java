package eu.focus.gateway.intake;

/**
 * Where a submission came from when a national system sent it in its own format: the system and its
 * message id. Intake takes each such message in once ({@link IntakeService#earlierExchange}).
 */
public record SourceMessage(String systemId, String messageId) {}

package eu.focus.gateway.policy;

import eu.focus.gateway.agency.Agency;
import eu.focus.gateway.agency.AgencyDirectory;
import eu.focus.gateway.consent.ConsentStore;
import eu.focus.gateway.record.ExchangeRow;
import eu.focus.gateway.record.StoredRecord;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Takes a decision again, now, for a record that was already sent: under the exchange's purpose and
 * basis and the consent as it stands at this moment. Used before every delivery attempt and every
 * read by a recipient, so a withdrawn consent or a tightened policy takes effect at once.
 */
@Component
public class PolicyRecheck {

  private final PolicyEngine policy;
  private final AgencyDirectory agencies;
  private final ConsentStore consents;
  private final Clock clock;

  public PolicyRecheck(
      PolicyEngine policy, AgencyDirectory agencies, ConsentStore consents, Clock clock) {
    this.policy = policy;
    this.agencies = agencies;
    this.consents = consents;
    this.clock = clock;
  }

  public Decision recheck(ExchangeRow exchange, StoredRecord record, Agency recipient) {
    Agency sender = agencies.find(exchange.sourceAgency()).orElseThrow();
    return policy.decide(
        new PolicyEngine.Request(
            sender,
            recipient,
            record.content(),
            exchange.purpose(),
            exchange.legalBasis(),
            exchange.transferBasis(),
            exchange.consentId(),
            Optional.ofNullable(exchange.consentId()).flatMap(consents::find),
            clock.instant()));
  }
}

package eu.focus.gateway.delivery;

import eu.focus.gateway.api.ApiException;
import eu.focus.gateway.intake.ExchangeRow;
import eu.focus.gateway.intake.RecordStore;
import eu.focus.gateway.security.Caller;
import java.util.List;
import org.springframework.stereotype.Service;

/** The sender's view of an exchange and its deliveries; nobody else sees it. */
@Service
public class ExchangeStatusService {

  /** An exchange with the state of each of its deliveries. */
  public record ExchangeStatus(ExchangeRow exchange, List<Delivery> deliveries) {}

  private final RecordStore records;
  private final DeliveryStore deliveries;

  public ExchangeStatusService(RecordStore records, DeliveryStore deliveries) {
    this.records = records;
    this.deliveries = deliveries;
  }

  public ExchangeStatus status(Caller caller, String exchangeId) {
    ExchangeRow e =
        records
            .exchange(exchangeId)
            .filter(x -> x.sourceAgency().equals(caller.agencyId()))
            .orElseThrow(() -> ApiException.notFound("Exchange " + exchangeId));
    return new ExchangeStatus(e, deliveries.forExchange(exchangeId));
  }
}

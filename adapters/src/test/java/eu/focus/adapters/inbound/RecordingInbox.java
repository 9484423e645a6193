package eu.focus.adapters.inbound;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link NationalInbox} for route tests: keeps every hand-over, refuses payloads matching a rule,
 * can be made to fail as if the gateway's database were down, or answers as a test tells it.
 */
class RecordingInbox implements NationalInbox {

  record Handed(String systemId, String messageId, String payload) {}

  final List<Handed> handed = new CopyOnWriteArrayList<>();
  private final Set<String> accepted = ConcurrentHashMap.newKeySet();
  volatile Predicate<String> refuseWhen = p -> false;
  volatile boolean down;

  /** When set, answers every hand-over instead of the rules above (throw to refuse or fail). */
  private volatile Function<Handed, Receipt> answer;

  @Override
  public Receipt receive(String systemId, String messageId, String payload) {
    Handed h = new Handed(systemId, messageId, payload);
    handed.add(h);
    if (answer != null) {
      return answer.apply(h);
    }
    if (down) {
      throw new IllegalStateException("database unavailable");
    }
    if (refuseWhen.test(payload)) {
      throw new InboxRejectedException(
          "VALIDATION-FAILED",
          "The message does not map to contract v1",
          List.of(
              "system=hu-pfsz field=szuletesi_datum value=2012-13-40 message=not a valid date",
              "system=hu-pfsz field=szerep value=X message=unknown role code"));
    }
    boolean duplicate = !accepted.add(messageId);
    return new Receipt("ex-" + messageId.hashCode(), duplicate);
  }

  /** From now on, answer with this function. */
  void answer(Function<Handed, Receipt> answer) {
    this.answer = answer;
  }

  Set<String> accepted() {
    return Set.copyOf(accepted);
  }

  List<String> messageIds() {
    return handed.stream().map(Handed::messageId).toList();
  }
}

package eu.focus.gateway.policy;

/**
 * How much of one sensitivity class a recipient may see. The order is the tightening order: a
 * country may replace a level only by one further down this list.
 */
public enum Access {
  /** Everything of the class. */
  FULL,
  /** Only the schema's {@code x-summary} fields of the class. */
  SUMMARY,
  /** FULL, but only when a valid consent covers the class; otherwise NONE. */
  CONSENT,
  /** Nothing of the class. */
  NONE;

  /** True when {@code other} is the same or tighter than this. */
  public boolean allowsTightening(Access other) {
    return other.ordinal() >= ordinal();
  }
}

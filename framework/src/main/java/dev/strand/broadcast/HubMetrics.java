package dev.strand.broadcast;

/**
 * What a {@link Hub} reports as it works, for metrics. Strand installs one on the hub given to
 * {@code Strand.Builder.hub(Hub)} when metrics are on; an app may install its own with
 * {@link Hub#metrics(HubMetrics)}. The hub calls these methods on publishing threads, on the
 * relay's threads and inside a subscriber's lock: they must be quick and must not block or throw.
 */
public interface HubMetrics {

    /** Records nothing; a hub's metrics until others are installed. */
    HubMetrics NONE = new HubMetrics() {
        @Override
        public void published() {
        }

        @Override
        public void delivered(int subscribers) {
        }

        @Override
        public void dropped() {
        }

        @Override
        public void relayReconnected() {
        }
    };

    /** A message was published on this instance (once per {@link Hub#publish} call that was not refused). */
    void published();

    /**
     * A message, published here or relayed from another instance, was handed to local subscribers.
     *
     * @param subscribers how many took it; 0 when the topic has none here
     */
    void delivered(int subscribers);

    /** A subscriber that fell behind lost its oldest buffered message to make room. */
    void dropped();

    /** The Redis relay is connected both ways again after an outage. */
    void relayReconnected();
}

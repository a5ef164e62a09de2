package dev.jctl.cli.apply.health;

/**
 * How healthy one object is at one moment, in kstatus's terms: Current (ready), InProgress, or Failed (will not get
 * healthy without a change, so waiting longer is pointless).
 *
 * @param state   where the object stands
 * @param message why it is not ready yet, what failed, or how it became ready; written to follow the object's name
 * @param tracked false for kinds with no notion of readiness (a ConfigMap): ready at once, nothing to report
 */
public record Health(State state, String message, boolean tracked) {

    public enum State { READY, IN_PROGRESS, FAILED }

    public static Health ready(String message) {
        return new Health(State.READY, message, true);
    }

    public static Health inProgress(String message) {
        return new Health(State.IN_PROGRESS, message, true);
    }

    public static Health failed(String message) {
        return new Health(State.FAILED, message, true);
    }

    /** A kind that has no readiness of its own: it is ready as soon as it exists. */
    public static Health untracked() {
        return new Health(State.READY, "exists", false);
    }

    /** Whether waiting is over for this object, either way. */
    public boolean settled() {
        return state != State.IN_PROGRESS;
    }
}

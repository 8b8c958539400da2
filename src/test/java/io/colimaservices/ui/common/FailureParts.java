package io.colimaservices.ui.common;

/**
 * A page's failure as the user reads it, in the parts {@link Notice#failure} put together: title, message and hint
 * (empty strings when there is no failure), so tests check each as they did before the shared {@link ActionState}.
 */
public record FailureParts(String title, String message, String hint) {

    public static FailureParts of(ActionState action) {
        Notice n = action.failureProperty().get();
        if (n == null) {
            return new FailureParts("", "", "");
        }
        int hint = n.detail().indexOf("\nHint: ");
        return hint < 0 ? new FailureParts(n.title(), n.detail(), "")
                : new FailureParts(n.title(), n.detail().substring(0, hint), n.detail().substring(hint + 7));
    }
}

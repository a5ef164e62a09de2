package dev.jctl.runtime.apiserver.validation;

import dev.jctl.runtime.apiserver.ApiException;

import java.util.ArrayList;
import java.util.List;

/** A field.ErrorList under construction, with upstream's reasons and message prefixes. */
final class Causes {
    private final List<ApiException.Cause> causes = new ArrayList<>();

    void required(String field) {
        causes.add(new ApiException.Cause("FieldValueRequired", "Required value", field));
    }

    /** {@code value} is already printed as Go prints it (see {@link GoValues}). */
    void invalid(String field, String value, String detail) {
        causes.add(new ApiException.Cause("FieldValueInvalid", "Invalid value: " + value + ": " + detail, field));
    }

    void forbidden(String field, String detail) {
        causes.add(new ApiException.Cause("FieldValueForbidden", "Forbidden: " + detail, field));
    }

    /** field.TooLong as apimachinery 1.32 words it (1.33 says "may not be more than"). */
    void tooLong(String field, int maxBytes) {
        causes.add(new ApiException.Cause("FieldValueTooLong", "Too long: must have at most " + maxBytes + " bytes",
                field));
    }

    /** Throws 422 Invalid naming the object when anything was found. */
    void throwIfAny(String group, String kind, String name) {
        if (!causes.isEmpty()) {
            throw ApiException.invalid(group, kind, name, causes);
        }
    }
}

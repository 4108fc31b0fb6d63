package org.registrar.students;

import java.util.List;

/** The sort-key values of one row under one {@link StudentSort}: where a keyset page starts or ends. Immutable. */
public record PageKey(List<Object> values) {
    public PageKey {
        values = List.copyOf(values);
    }
}

package org.registrar.health;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.registrar.i18n.Messages;

/**
 * The whole server's client sessions at one moment, what the role could see, and what it may do. Immutable.
 *
 * @param missing what the role lacks to see everything (null when nothing is missing)
 */
record ServerActivity(int maxConnections, List<ServerSession> sessions, boolean maySignalOthers, String missing) {

    /** Sessions sharing application, user, client address and state. Immutable. */
    record Group(String application, String user, String clientAddress, String state, int sessions) {}

    int connectionsUsed() {
        return sessions.size();
    }

    double usedShare() {
        return maxConnections == 0 ? 0 : (double) connectionsUsed() / maxConnections;
    }

    /** Counted by application, user, client address and state; the largest groups first. */
    List<Group> groups() {
        Map<List<String>, Integer> counts = new TreeMap<>(Comparator.comparing(Object::toString));
        for (ServerSession session : sessions) {
            List<String> key = List.of(
                    text(session.application()),
                    text(session.user()),
                    session.clientAddress() == null
                            ? Messages.text("health.session.localSocket")
                            : session.clientAddress(),
                    session.category().label());
            counts.merge(key, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .map(entry -> new Group(
                        entry.getKey().get(0),
                        entry.getKey().get(1),
                        entry.getKey().get(2),
                        entry.getKey().get(3),
                        entry.getValue()))
                .sorted(Comparator.comparingInt(Group::sessions).reversed())
                .toList();
    }

    long count(ServerSession.Category category) {
        return sessions.stream()
                .filter(session -> session.category() == category)
                .count();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}

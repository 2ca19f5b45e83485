package io.maestro.conductor.notify;

import io.maestro.conductor.adapter.AdapterException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * E-mail recipients, checked strictly (RFC 822 syntax, one bare address each, no line breaks that could add
 * headers) and bounded. Errors say which position is wrong, never the address: addresses are personal data.
 */
final class Recipients {

    static final int MAX = 50;

    private Recipients() {}

    static List<String> parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : commaSeparated.split(",", -1)) {
            out.add(part.trim());
        }
        return out;
    }

    static InternetAddress[] check(List<String> recipients, String instanceId) {
        if (recipients.isEmpty()) {
            throw new AdapterException(
                    NotifyErrorCode.NOTIFY_REQUEST_INVALID,
                    instanceId,
                    "no recipients, and the instance has no defaultTo");
        }
        if (recipients.size() > MAX) {
            throw new AdapterException(
                    NotifyErrorCode.NOTIFY_REQUEST_INVALID, instanceId, "more than " + MAX + " recipients");
        }
        InternetAddress[] addresses = new InternetAddress[recipients.size()];
        for (int i = 0; i < recipients.size(); i++) {
            String recipient = recipients.get(i);
            try {
                if (recipient.isEmpty() || recipient.chars().anyMatch(c -> c == '\r' || c == '\n' || c == ',')) {
                    throw new AddressException();
                }
                addresses[i] = new InternetAddress(recipient, true);
                // Strict RFC 822 still takes a bare local name; mail here always goes to a domain.
                if (addresses[i].isGroup()
                        || addresses[i].getPersonal() != null
                        || !addresses[i].getAddress().matches("[^@\\s]+@[^@\\s]+")) {
                    throw new AddressException();
                }
            } catch (AddressException e) {
                throw new AdapterException(
                        NotifyErrorCode.NOTIFY_REQUEST_INVALID,
                        instanceId,
                        "recipient " + (i + 1) + " is not a plain e-mail address");
            }
        }
        return addresses;
    }
}

package dev.passerelle.connector;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One way of reaching the institution (PROTOCOL-NOTES §2.3): {@code directaccess} scrapes the
 * website, {@code openapi} uses the PSD2 API. Sources are added in ascending {@code priority}.
 *
 * @param id                        numeric id, unique across the server's connector sources
 * @param name                      lower-case name ({@code ^[a-z]+$})
 * @param priority                  order in which sources are added
 * @param authMechanism             default mechanism
 * @param availableAuthMechanisms   every mechanism the source accepts
 * @param capabilities              capabilities of this source ({@code bank}, {@code document}, …)
 * @param accountUsages             {@code PRIV}, {@code ORGA}, {@code ASSO}
 */
public record SourceDescriptor(
        int id,
        String name,
        int priority,
        AuthMechanism authMechanism,
        Set<AuthMechanism> availableAuthMechanisms,
        List<String> capabilities,
        List<String> accountUsages) {

    public SourceDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authMechanism, "authMechanism");
        if (!name.matches("[a-z]+")) {
            throw new IllegalArgumentException("source names are lower-case letters: " + name);
        }
        availableAuthMechanisms = Set.copyOf(availableAuthMechanisms);
        capabilities = List.copyOf(capabilities);
        accountUsages = List.copyOf(accountUsages);
    }
}

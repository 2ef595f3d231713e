package dev.passerelle.berlingroup.sca;

/**
 * What the connector knows of the user for one call: the id at the bank ({@code PSU-ID}) and the
 * password (embedded approach), either stored with the connection or just answered. Never kept.
 */
public record Known(String psuId, String password) {

    public Known withPsuId(String id) {
        return new Known(id, password);
    }

    public Known withPassword(String value) {
        return new Known(psuId, value);
    }

    @Override
    public String toString() {
        return "Known[" + (psuId != null ? "psu id" : "") + (password != null ? ", password" : "") + "]";
    }
}

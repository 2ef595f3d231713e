package dev.passerelle.xs2a.simulator.pki;

/** The PSP roles of the PSD2 QC statement (ETSI TS 119 495, {@code id-psd2-role-*} under 0.4.0.19495.1). */
public enum Psd2Role {
    PSP_AS("0.4.0.19495.1.1"),
    PSP_PI("0.4.0.19495.1.2"),
    PSP_AI("0.4.0.19495.1.3"),
    PSP_IC("0.4.0.19495.1.4");

    private final String oid;

    Psd2Role(String oid) {
        this.oid = oid;
    }

    public String oid() {
        return oid;
    }
}

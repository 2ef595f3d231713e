package dev.passerelle.connector;

/** The kind of a document; {@link #OTHER} with the institution's word for anything else. */
public enum DocumentType {
    BILL, STATEMENT, PAYSLIP, NOTICE, CONTRACT, RIB, OTHER
}

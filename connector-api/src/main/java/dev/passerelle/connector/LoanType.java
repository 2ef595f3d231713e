package dev.passerelle.connector;

/** The kind of a loan; {@link #OTHER} with the institution's word for anything else. */
public enum LoanType {
    MORTGAGE, CONSUMER_CREDIT, REVOLVING_CREDIT, LOAN, OTHER
}

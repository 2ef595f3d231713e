package dev.passerelle.connector;

/**
 * What an investment's code is: an ISIN (ISO 6166), a French AMF code, or {@link #OTHER} (an
 * institution's internal reference) with its word.
 */
public enum InvestmentCodeType {
    ISIN, AMF, OTHER
}

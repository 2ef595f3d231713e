package dev.passerelle.server.transactions;

import dev.passerelle.server.api.WireFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * A transaction on the wire ({@code Transaction} of docs/protocol.md), written field by field: a
 * page holds up to a thousand of them and this is the hottest path of the API, where the generic
 * bean serializer spent more time calling accessors by reflection than writing (docs/performance.md,
 * P2). The field names and formats are those of every other resource: snake case, dates
 * {@code YYYY-MM-DD}, date-times and decimals as {@link WireFormat} writes them, nulls written;
 * dates, date-times and amounts go to the generator as characters, with no string made for them.
 */
final class TransactionJson extends ValueSerializer<TransactionView> {

    private static final SerializableString ID = name("id");
    private static final SerializableString ID_ACCOUNT = name("id_account");
    private static final SerializableString APPLICATION_DATE = name("application_date");
    private static final SerializableString DATE = name("date");
    private static final SerializableString RDATE = name("rdate");
    private static final SerializableString VDATE = name("vdate");
    private static final SerializableString VALUE = name("value");
    private static final SerializableString GROSS_VALUE = name("gross_value");
    private static final SerializableString TYPE = name("type");
    private static final SerializableString ORIGINAL_WORDING = name("original_wording");
    private static final SerializableString SIMPLIFIED_WORDING = name("simplified_wording");
    private static final SerializableString WORDING = name("wording");
    private static final SerializableString COMING = name("coming");
    private static final SerializableString ACTIVE = name("active");
    private static final SerializableString COMMENT = name("comment");
    private static final SerializableString CARD = name("card");
    private static final SerializableString ORIGINAL_VALUE = name("original_value");
    private static final SerializableString ORIGINAL_CURRENCY = name("original_currency");
    private static final SerializableString COUNTERPARTY = name("counterparty");
    private static final SerializableString LABEL = name("label");
    private static final SerializableString ACCOUNT_SCHEME_NAME = name("account_scheme_name");
    private static final SerializableString ACCOUNT_IDENTIFICATION = name("account_identification");
    private static final SerializableString DATE_SCRAPED = name("date_scraped");
    private static final SerializableString LAST_UPDATE = name("last_update");
    private static final SerializableString DELETED = name("deleted");
    private static final SerializableString CATEGORIES = name("categories");

    private final WireFormat wire;

    TransactionJson(WireFormat wire) {
        this.wire = wire;
    }

    @Override
    public void serialize(TransactionView t, JsonGenerator gen, SerializationContext context) {
        gen.writeStartObject(t);
        gen.writeName(ID);
        gen.writeNumber(t.id());
        gen.writeName(ID_ACCOUNT);
        gen.writeNumber(t.idAccount());
        date(gen, APPLICATION_DATE, t.applicationDate());
        date(gen, DATE, t.date());
        date(gen, RDATE, t.rdate());
        date(gen, VDATE, t.vdate());
        decimal(gen, VALUE, t.value());
        decimal(gen, GROSS_VALUE, t.grossValue());
        text(gen, TYPE, t.type());
        text(gen, ORIGINAL_WORDING, t.originalWording());
        text(gen, SIMPLIFIED_WORDING, t.simplifiedWording());
        text(gen, WORDING, t.wording());
        gen.writeName(COMING);
        gen.writeBoolean(t.coming());
        gen.writeName(ACTIVE);
        gen.writeBoolean(t.active());
        text(gen, COMMENT, t.comment());
        text(gen, CARD, t.card());
        decimal(gen, ORIGINAL_VALUE, t.originalValue());
        text(gen, ORIGINAL_CURRENCY, t.originalCurrency());
        gen.writeName(COUNTERPARTY);
        TransactionView.Counterparty counterparty = t.counterparty();
        if (counterparty == null) {
            gen.writeNull();
        } else {
            gen.writeStartObject(counterparty);
            text(gen, LABEL, counterparty.label());
            text(gen, ACCOUNT_SCHEME_NAME, counterparty.accountSchemeName());
            text(gen, ACCOUNT_IDENTIFICATION, counterparty.accountIdentification());
            text(gen, TYPE, counterparty.type());
            gen.writeEndObject();
        }
        instant(gen, DATE_SCRAPED, t.dateScraped());
        instant(gen, LAST_UPDATE, t.lastUpdate());
        instant(gen, DELETED, t.deleted());
        gen.writeName(CATEGORIES);
        gen.writeStartArray();
        for (Object category : t.categories()) {
            context.writeValue(gen, category);
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void text(JsonGenerator gen, SerializableString name, String value) {
        gen.writeName(name);
        gen.writeString(value);
    }

    private static void date(JsonGenerator gen, SerializableString name, LocalDate value) {
        gen.writeName(name);
        WireFormat.writeDate(gen, value);
    }

    private static void decimal(JsonGenerator gen, SerializableString name, BigDecimal value) {
        gen.writeName(name);
        WireFormat.writeDecimal(gen, value);
    }

    private void instant(JsonGenerator gen, SerializableString name, Instant value) {
        gen.writeName(name);
        wire.writeDateTime(gen, value);
    }

    private static SerializableString name(String name) {
        return new SerializedString(name);
    }
}

package dev.passerelle.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlTextsTest {

    private static final Set<String> TABLES = Set.of("connection", "bank_account", "app_user");

    @Test
    void aTableIsNamedAfterASqlKeywordInALiteralOrATextBlock() {
        String source = """
                class A {
                    String one = "SELECT id FROM bank_account WHERE x = 1";
                    String two = \"""
                            UPDATE app_user SET signin = NULL
                            \""";
                }
                """;

        assertThat(named(source)).containsExactly("bank_account", "app_user");
    }

    @Test
    void commentsWordsAndBindParameterNamesAreNotSql() {
        String source = """
                class A {
                    // SELECT * FROM app_user
                    /* JOIN bank_account */
                    String message = "No such connection";
                    String sql = "DELETE FROM other WHERE id_connection = :connection";
                    void bind() { jdbc.param("connection", 1); char quote = '"'; }
                }
                """;

        assertThat(named(source)).isEmpty();
    }

    @Test
    void aTableNameKeptInAConstantIsNamed() {
        String source = """
                enum Kind { ACCOUNT("bank_account") }
                """;

        assertThat(named(source)).containsExactly("bank_account");
    }

    private static List<String> named(String source) {
        var literals = SqlTexts.literals(source);
        return SqlTexts.tablesNamed(literals, TABLES, SqlTexts.bindNames(literals)).toList();
    }
}

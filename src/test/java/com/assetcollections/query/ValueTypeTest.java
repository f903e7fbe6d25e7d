package com.assetcollections.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypeTest {

    private static final String DATETIME_MESSAGE =
            "`filter[updated_since]` must be a date (`2023-01-01`), a date and time "
                    + "(`2023-01-01 13:45:00`) or an ISO-8601 date-time, got `%s`";

    private static Instant datetime(String text) {
        return (Instant) ValueType.DATETIME.parse(text, "filter[updated_since]");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2023-01-01                        | 2023-01-01T00:00:00Z",
                "2023-01-01 13:45:00               | 2023-01-01T13:45:00Z",
                "2023-01-01T13:45:00               | 2023-01-01T13:45:00Z",
                "2023-01-01T13:45                  | 2023-01-01T13:45:00Z",
                "2023-01-01T13:45:00Z              | 2023-01-01T13:45:00Z",
                "2023-01-01T13:45:00.5Z            | 2023-01-01T13:45:00.500Z",
                "2023-01-01T15:45:00+02:00         | 2023-01-01T13:45:00Z",
                "2023-01-01T08:45:00-05:00         | 2023-01-01T13:45:00Z",
                "2023-01-01T00:30:00+02:00         | 2022-12-31T22:30:00Z",
                "2023-01-01T13:45:00.5+02:00       | 2023-01-01T11:45:00.500Z",
                "2023-01-01 13:45:00.123456        | 2023-01-01T13:45:00.123456Z",
                "2023-01-01T13:45:00.1234567Z      | 2023-01-01T13:45:00.123456Z"
            })
    void readsDatesDateTimesAndIsoInstantsAsUtc(String text, String expected) {
        assertThat(datetime(text)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void readsAPlusThatArrivedAsASpaceAsAnOffset() {
        assertThat(datetime("2023-01-01T15:45:00 02:00")).isEqualTo(Instant.parse("2023-01-01T13:45:00Z"));
        assertThat(datetime("2023-01-01T15:45:00.25 02:00")).isEqualTo(Instant.parse("2023-01-01T13:45:00.250Z"));
    }

    @Test
    void readsOffsetsWrittenWithoutAColonAsPhpsIso8601FormatWritesThem() {
        assertThat(datetime("2023-01-01T15:45:00+0200")).isEqualTo(Instant.parse("2023-01-01T13:45:00Z"));
        assertThat(datetime("2023-01-01T08:45:00-0500")).isEqualTo(Instant.parse("2023-01-01T13:45:00Z"));
        assertThat(datetime("2023-01-01T15:45:00 0200")).isEqualTo(Instant.parse("2023-01-01T13:45:00Z"));
    }

    @Test
    void ignoresSurroundingWhitespace() {
        assertThat(datetime("  2023-01-01 ")).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "yesterday",
                "2023-02-30",
                "2023-13-01",
                "2023-01-01T25:00:00",
                "2023-1-1",
                "1672531200",
                "2023-01-01 13:45:00 extra",
                "2023-01-01T13:45:00+25:00",
                ""
            })
    void rejectsWhatIsNoDateNamingTheParameter(String text) {
        assertThatThrownBy(() -> datetime(text))
                .isInstanceOfSatisfying(
                        InvalidQuery.class, e -> assertThat(e.parameter()).isEqualTo("filter[updated_since]"))
                .hasMessage(DATETIME_MESSAGE, text.trim());
    }

    @Test
    void readsDatetimesFromTheFirstToTheLastInstantOfTheYears1To9999() {
        assertThat(datetime("0001-01-01T00:00:00Z")).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(datetime("9999-12-31T23:59:59.9999999Z")).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+300000-01-01T00:00:00",
                "-300000-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59",
                "0000-12-31T23:59:59.999999Z",
                "0001-01-01T00:30:00+01:00",
                "9999-12-31T23:30:00-01:00",
                "+10000-01-01T00:00:00Z"
            })
    void rejectsDatetimesOutsideTheYears1To9999NamingTheParameter(String text) {
        assertThatThrownBy(() -> datetime(text))
                .isInstanceOfSatisfying(
                        InvalidQuery.class, e -> assertThat(e.parameter()).isEqualTo("filter[updated_since]"))
                .hasMessage("`filter[updated_since]` must lie in the years 1 to 9999; got `%s`", text);
    }

    @Test
    void readsWholeNumbers() {
        assertThat(ValueType.INTEGER.parse("42", "filter[id]")).isEqualTo(42L);
        assertThat(ValueType.INTEGER.parse(" -7 ", "filter[id]")).isEqualTo(-7L);
        assertThat(ValueType.INTEGER.parse("9223372036854775807", "filter[id]")).isEqualTo(Long.MAX_VALUE);
        for (String bad :
                new String[] {"", "1.5", "1e3", "0x10", "9223372036854775808", "12345678901234567890123", "abc"}) {
            assertThatThrownBy(() -> ValueType.INTEGER.parse(bad, "filter[id]"))
                    .as(bad)
                    .isInstanceOf(InvalidQuery.class)
                    .hasMessage("`filter[id]` must be a whole number, got `%s`", bad);
        }
    }

    @Test
    void readsCanonicalUuidsInEitherCase() {
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertThat(ValueType.UUID_.parse("123E4567-E89B-12D3-A456-426614174000", "filter[uuid]"))
                .isEqualTo(uuid);
        for (String bad : new String[] {
            "123", "{123e4567-e89b-12d3-a456-426614174000}", "123e4567e89b12d3a456426614174000", "1-1-1-1-1"
        }) {
            assertThatThrownBy(() -> ValueType.UUID_.parse(bad, "filter[uuid]"))
                    .as(bad)
                    .isInstanceOf(InvalidQuery.class)
                    .hasMessage(
                            "`filter[uuid]` must be a UUID like `123e4567-e89b-12d3-a456-426614174000`, got `%s`", bad);
        }
    }

    @Test
    void keepsStringsAsSent() {
        assertThat(ValueType.STRING.parse("  two words ", "filter[name]")).isEqualTo("  two words ");
    }

    @Test
    void readsBooleansAsOneZeroTrueOrFalse() {
        assertThat(ValueType.BOOLEAN.parse(" TRUE ", "filter[enabled]")).isEqualTo(true);
        assertThat(ValueType.BOOLEAN.parse("1", "filter[enabled]")).isEqualTo(true);
        assertThat(ValueType.BOOLEAN.parse("false", "filter[enabled]")).isEqualTo(false);
        assertThat(ValueType.BOOLEAN.parse("0", "filter[enabled]")).isEqualTo(false);
        for (String bad : new String[] {"", "yes", "2", "t"}) {
            assertThatThrownBy(() -> ValueType.BOOLEAN.parse(bad, "filter[enabled]"))
                    .as(bad)
                    .isInstanceOf(InvalidQuery.class)
                    .hasMessage("`filter[enabled]` must be 1, 0, true or false, got `%s`", bad);
        }
    }

    @Test
    void refusesToDeclareAnObjectListFilterableOrSortable() {
        FieldSpec attempts = FieldSpec.of("attempts", ValueType.OBJECT_LIST, DSL.field("attempts"), "a log");

        assertThatThrownBy(attempts::sortable)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field `attempts` of type object[] cannot be sorted");
        assertThatThrownBy(attempts::exactMatch)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field `attempts` of type object[] cannot be filtered");
    }
}

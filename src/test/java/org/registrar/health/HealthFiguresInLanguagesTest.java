package org.registrar.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.registrar.i18n.Messages;

/**
 * The Health screen writes its figures as the chosen language does (decimal comma and point grouping in German, a
 * narrow space in French), not as the computer's default locale: the axis labels, the hover figures and durations.
 */
class HealthFiguresInLanguagesTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void inEnglishAPointAndCommas() {
        Messages.use(Locale.ENGLISH);
        assertThat(ChartScale.label(2.5)).isEqualTo("2.5");
        assertThat(ChartScale.label(1000)).isEqualTo("1,000");
        assertThat(HealthFormat.figure(2.5)).isEqualTo("2.50");
        assertThat(HealthFormat.duration(Duration.ofSeconds(185))).isEqualTo("3 min 05 s");
    }

    @Test
    void inGermanADecimalCommaAndPointsBetweenThousands() {
        Messages.use(Locale.GERMAN);
        assertThat(ChartScale.label(2.5)).isEqualTo("2,5");
        assertThat(ChartScale.label(0.05)).isEqualTo("0,05");
        assertThat(ChartScale.label(1000)).isEqualTo("1.000");
        assertThat(HealthFormat.figure(2.5)).isEqualTo("2,50");
        assertThat(HealthFormat.figure(1234.4)).isEqualTo("1234");
        assertThat(HealthFormat.duration(Duration.ofSeconds(7800))).isEqualTo("2 Std. 10 Min.");
    }

    @Test
    void inFrenchADecimalCommaAndSpacesBetweenThousands() {
        Messages.use(Locale.FRENCH);
        assertThat(ChartScale.label(2.5)).isEqualTo("2,5");
        assertThat(ChartScale.label(1000)).isEqualTo("1\u202f000");
        assertThat(HealthFormat.figure(0.125)).isEqualTo("0,13");
        assertThat(HealthFormat.duration(Duration.ofSeconds(185))).isEqualTo("3 min 05 s");
    }
}
